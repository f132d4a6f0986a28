# Seed mistake: a search service indexing customer records does not enforce customer-managed keys.
# Expect: azurerm_search_service.customers
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

resource "azurerm_search_service" "customers" {
  name                          = "srch-shop-customers"
  resource_group_name           = azurerm_resource_group.shop.name
  location                      = azurerm_resource_group.shop.location
  sku                           = "standard"
  public_network_access_enabled = false

  tags = {
    "data-classification" = "pii"
    owner                 = "customers"
    environment           = "prod"
  }
}
