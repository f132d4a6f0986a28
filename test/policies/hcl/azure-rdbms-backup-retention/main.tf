# Seed mistake: an order database left at the provider's 7 days of point-in-time restore while
# the policy asks for 14 (leakguard.json).
# Expect: azurerm_postgresql_flexible_server.orders
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

resource "azurerm_postgresql_flexible_server" "orders" {
  name                          = "psql-shop-orders"
  resource_group_name           = azurerm_resource_group.shop.name
  location                      = azurerm_resource_group.shop.location
  version                       = "16"
  sku_name                      = "GP_Standard_D2s_v3"
  public_network_access_enabled = false
  geo_redundant_backup_enabled  = true

  authentication {
    active_directory_auth_enabled = true
    password_auth_enabled         = false
  }
}
