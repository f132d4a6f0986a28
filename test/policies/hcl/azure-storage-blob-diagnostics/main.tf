# Seed mistake: the blob-service diagnostic setting logs writes only, not reads or deletes.
# Expect: azurerm_storage_account.customers
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
  retention_in_days   = 365
}

resource "azurerm_storage_account" "customers" {
  name                     = "stshopcustomers"
  resource_group_name      = azurerm_resource_group.shop.name
  location                 = azurerm_resource_group.shop.location
  account_tier             = "Standard"
  account_replication_type = "GRS"
}

resource "azurerm_monitor_diagnostic_setting" "customers_blob" {
  name                       = "blob-access"
  target_resource_id         = "${azurerm_storage_account.customers.id}/blobServices/default"
  log_analytics_workspace_id = azurerm_log_analytics_workspace.central.id

  enabled_log {
    category = "StorageWrite"
  }
}
