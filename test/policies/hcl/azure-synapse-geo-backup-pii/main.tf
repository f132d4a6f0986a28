# Seed mistake: the order warehouse pool in a PII workspace turns its daily geo-backup off to
# save storage.
# Expect: azurerm_synapse_sql_pool.orders
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

resource "azurerm_synapse_workspace" "analytics" {
  name                                 = "synw-shop-analytics"
  resource_group_name                  = azurerm_resource_group.shop.name
  location                             = azurerm_resource_group.shop.location
  storage_data_lake_gen2_filesystem_id = "https://stshoplake.dfs.core.windows.net/analytics"
  public_network_access_enabled        = false
  managed_virtual_network_enabled      = true
  azuread_authentication_only          = true

  identity {
    type = "SystemAssigned"
  }

  tags = {
    "data-classification" = "pii"
    owner                 = "analytics"
    environment           = "prod"
  }
}

resource "azurerm_synapse_sql_pool" "orders" {
  name                      = "orderspool"
  synapse_workspace_id      = azurerm_synapse_workspace.analytics.id
  sku_name                  = "DW100c"
  create_mode               = "Default"
  storage_account_type      = "GRS"
  geo_backup_policy_enabled = false
}
