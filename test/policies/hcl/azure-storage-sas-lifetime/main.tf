# Seed mistake: an upload SAS with write and list rights is valid for 30 days.
# Expect: data.azurerm_storage_account_blob_container_sas.uploads
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

resource "azurerm_storage_account" "customers" {
  name                     = "stshopcustomers"
  resource_group_name      = azurerm_resource_group.shop.name
  location                 = azurerm_resource_group.shop.location
  account_tier             = "Standard"
  account_replication_type = "GRS"
}

resource "azurerm_storage_container" "uploads" {
  name                  = "uploads"
  storage_account_id    = azurerm_storage_account.customers.id
  container_access_type = "private"
}

data "azurerm_storage_account_blob_container_sas" "uploads" {
  connection_string = azurerm_storage_account.customers.primary_connection_string
  container_name    = azurerm_storage_container.uploads.name
  https_only        = true
  start             = "2026-11-01T00:00:00Z"
  expiry            = "2026-12-01T00:00:00Z"

  permissions {
    read   = true
    add    = true
    create = true
    write  = true
    delete = false
    list   = true
  }
}
