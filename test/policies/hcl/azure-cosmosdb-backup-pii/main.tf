# Seed mistake: the shopping-cart account (customer carts, addresses) keeps the default periodic
# backups, each for 8 hours only.
# Expect: azurerm_cosmosdb_account.carts
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

resource "azurerm_cosmosdb_account" "carts" {
  name                          = "cosmos-shop-carts"
  location                      = azurerm_resource_group.shop.location
  resource_group_name           = azurerm_resource_group.shop.name
  offer_type                    = "Standard"
  public_network_access_enabled = false
  local_authentication_disabled = true
  minimal_tls_version           = "Tls12"

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = azurerm_resource_group.shop.location
    failover_priority = 0
  }

  tags = {
    "data-classification" = "pii"
    owner                 = "carts"
    environment           = "prod"
  }
}
