# Seed mistake: a PII-classified Cosmos DB account has no customer-managed key.
# Expect: azurerm_cosmosdb_account.customers
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

resource "azurerm_cosmosdb_account" "customers" {
  name                          = "cosmos-shop-customers"
  location                      = azurerm_resource_group.shop.location
  resource_group_name           = azurerm_resource_group.shop.name
  offer_type                    = "Standard"
  public_network_access_enabled = false
  local_authentication_disabled = true

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = azurerm_resource_group.shop.location
    failover_priority = 0
  }

  tags = {
    "data-classification" = "pii"
    owner                 = "customers"
    environment           = "prod"
  }
}
