# Seed mistake: the NSG flow log keeps flows only 7 days, too short for a breach investigation.
# Expect: azurerm_network_watcher_flow_log.app
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

resource "azurerm_network_security_group" "app" {
  name                = "nsg-app"
  location            = azurerm_resource_group.shop.location
  resource_group_name = azurerm_resource_group.shop.name
}

resource "azurerm_network_watcher" "we" {
  name                = "nw-westeurope"
  location            = azurerm_resource_group.shop.location
  resource_group_name = azurerm_resource_group.shop.name
}

resource "azurerm_network_watcher_flow_log" "app" {
  name                 = "app-nsg-flows"
  network_watcher_name = azurerm_network_watcher.we.name
  resource_group_name  = azurerm_resource_group.shop.name
  target_resource_id   = azurerm_network_security_group.app.id
  storage_account_id   = "/subscriptions/3f2a1b0c-5d6e-4f70-8a9b-0c1d2e3f4a5b/resourceGroups/rg-shop/providers/Microsoft.Storage/storageAccounts/stflows"
  enabled              = true

  retention_policy {
    enabled = true
    days    = 7
  }
}
