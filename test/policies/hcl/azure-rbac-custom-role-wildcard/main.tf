# Seed mistake: the custom role allows Microsoft.Storage/* and all blob data actions.
# Expect: azurerm_role_definition.orders
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

resource "azurerm_role_definition" "orders" {
  name  = "orders-storage"
  scope = azurerm_resource_group.shop.id

  permissions {
    actions      = ["Microsoft.Storage/*"]
    data_actions = ["Microsoft.Storage/storageAccounts/blobServices/containers/blobs/*"]
  }

  assignable_scopes = [azurerm_resource_group.shop.id]
}
