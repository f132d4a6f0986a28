# Seed mistake: the Synapse workspace keeps public network access on (the default).
# Expect: azurerm_synapse_workspace.analytics
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

resource "azurerm_storage_account" "lake" {
  name                     = "stshoplake"
  resource_group_name      = azurerm_resource_group.shop.name
  location                 = azurerm_resource_group.shop.location
  account_tier             = "Standard"
  account_replication_type = "LRS"
  account_kind             = "StorageV2"
  is_hns_enabled           = true
}

resource "azurerm_storage_data_lake_gen2_filesystem" "lake" {
  name               = "analytics"
  storage_account_id = azurerm_storage_account.lake.id
}

resource "azurerm_synapse_workspace" "analytics" {
  name                                 = "synw-shop-analytics"
  resource_group_name                  = azurerm_resource_group.shop.name
  location                             = azurerm_resource_group.shop.location
  storage_data_lake_gen2_filesystem_id = azurerm_storage_data_lake_gen2_filesystem.lake.id
  azuread_authentication_only          = true

  identity {
    type = "SystemAssigned"
  }
}
