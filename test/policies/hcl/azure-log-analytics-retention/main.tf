# Seed mistake: the workspace keeps logs 30 days (minimum 90).
# Expect: azurerm_log_analytics_workspace.central
terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}

provider "azurerm" {
  features {}
  subscription_id = "3f2a1b0c-5d6e-4f70-8a9b-0c1d2e3f4a5b"
}

resource "azurerm_resource_group" "shop" {
  name     = "rg-shop"
  location = "westeurope"
}

resource "azurerm_log_analytics_workspace" "central" {
  name                = "law-shop-central"
  resource_group_name = azurerm_resource_group.shop.name
  location            = azurerm_resource_group.shop.location
  sku                 = "PerGB2018"
  retention_in_days   = 30
}
