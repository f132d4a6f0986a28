# TerraGoat-like Azure estate (the leaks of bridgecrewio/terragoat's terraform/azure, written
# afresh): each resource below carries the leak named in its comment, and
# test/policies/terragoat-azure.test.ts asserts the rule that must report it.
terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 3.0"
    }
  }
}

provider "azurerm" {
  features {}
}

variable "environment" {
  type    = string
  default = "dev"
}

resource "azurerm_resource_group" "example" {
  name     = "terragoat-${var.environment}"
  location = "West Europe"
}
