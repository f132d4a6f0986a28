# Seed mistake: Network Watcher exists in westeurope only; the replica storage account in northeurope has none.
# Expect: region:azure:northeurope
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

resource "azurerm_network_watcher" "westeurope" {
  name                = "NetworkWatcher_westeurope"
  resource_group_name = azurerm_resource_group.shop.name
  location            = azurerm_resource_group.shop.location
}

resource "azurerm_storage_account" "replica" {
  name                     = "stshopreplica"
  resource_group_name      = azurerm_resource_group.shop.name
  location                 = "northeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}
