# Seed mistake: the account SAS for the reporting job may be used over plain HTTP.
# Expect: data.azurerm_storage_account_sas.reports
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

data "azurerm_storage_account_sas" "reports" {
  connection_string = azurerm_storage_account.customers.primary_connection_string
  https_only        = false
  signed_version    = "2022-11-02"
  start             = "2026-11-28T08:00:00Z"
  expiry            = "2026-11-28T16:00:00Z"

  resource_types {
    service   = false
    container = false
    object    = true
  }

  services {
    blob  = true
    queue = false
    table = false
    file  = false
  }

  permissions {
    read    = true
    write   = false
    delete  = false
    list    = false
    add     = false
    create  = false
    update  = false
    process = false
    tag     = false
    filter  = false
  }
}
