# Seed mistake: the pii Key Vault logs to the team's own workspace, not the central one (leakguard.json).
# Expect: azurerm_key_vault.customers
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

data "azurerm_client_config" "current" {}

resource "azurerm_log_analytics_workspace" "central" {
  name                = "law-shop-central"
  resource_group_name = azurerm_resource_group.shop.name
  location            = azurerm_resource_group.shop.location
  sku                 = "PerGB2018"
  retention_in_days   = 365
}

resource "azurerm_log_analytics_workspace" "crm" {
  name                = "law-crm-team"
  resource_group_name = azurerm_resource_group.shop.name
  location            = azurerm_resource_group.shop.location
  sku                 = "PerGB2018"
  retention_in_days   = 90
}

resource "azurerm_key_vault" "customers" {
  name                          = "kv-shop-customers"
  resource_group_name           = azurerm_resource_group.shop.name
  location                      = azurerm_resource_group.shop.location
  tenant_id                     = data.azurerm_client_config.current.tenant_id
  sku_name                      = "premium"
  purge_protection_enabled      = true
  public_network_access_enabled = false

  tags = {
    "data-classification" = "pii"
    owner                 = "crm-team"
    environment           = "prod"
  }
}

resource "azurerm_monitor_diagnostic_setting" "customers_kv" {
  name                       = "kv-to-crm"
  target_resource_id         = azurerm_key_vault.customers.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.crm.id

  enabled_log {
    category_group = "allLogs"
  }
}
