# Seed mistake: a private Premium Event Hubs namespace carrying customer order events under
# Microsoft-managed keys only (no azurerm_eventhub_namespace_customer_managed_key).
# Expect: azurerm_eventhub_namespace.orders
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

resource "azurerm_eventhub_namespace" "orders" {
  name                          = "evh-shop-orders"
  location                      = azurerm_resource_group.shop.location
  resource_group_name           = azurerm_resource_group.shop.name
  sku                           = "Premium"
  capacity                      = 1
  minimum_tls_version           = "1.2"
  public_network_access_enabled = false
  local_authentication_enabled  = false
  tags = {
    "data-classification" = "pii"
    owner                 = "orders-team"
    environment           = "prod"
  }
}
