# Seed mistake: the Recovery Services vault leaves immutability at its default (Disabled).
# Expect: azurerm_recovery_services_vault.backups
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

resource "azurerm_recovery_services_vault" "backups" {
  name                = "rsv-shop-backups"
  resource_group_name = azurerm_resource_group.shop.name
  location            = azurerm_resource_group.shop.location
  sku                 = "Standard"
  soft_delete_enabled = true
}
