# Seed mistake: the customer-export account keeps no deleted blobs (soft delete off) and no
# earlier versions, so a deletion or an overwrite with the wrong file is final.
# Expect: azurerm_storage_account.exports
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

resource "azurerm_storage_account" "exports" {
  name                            = "stshopexports"
  resource_group_name             = azurerm_resource_group.shop.name
  location                        = azurerm_resource_group.shop.location
  account_tier                    = "Standard"
  account_replication_type        = "GZRS"
  min_tls_version                 = "TLS1_2"
  allow_nested_items_to_be_public = false
  shared_access_key_enabled       = false
  public_network_access_enabled   = false

  blob_properties {
    versioning_enabled = false
  }

  tags = {
    "data-classification" = "pii"
    owner                 = "exports"
    environment           = "prod"
  }
}
