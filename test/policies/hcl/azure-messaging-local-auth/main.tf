# Seed mistake: a private Event Hubs namespace that still accepts its SAS keys (local authentication is on by default).
# Expect: azurerm_eventhub_namespace.events
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

resource "azurerm_eventhub_namespace" "events" {
  name                          = "evh-shop-events"
  location                      = azurerm_resource_group.shop.location
  resource_group_name           = azurerm_resource_group.shop.name
  sku                           = "Standard"
  minimum_tls_version           = "1.2"
  public_network_access_enabled = false
}
