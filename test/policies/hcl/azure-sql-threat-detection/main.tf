# Seed mistake: the SQL server's alert policy switches off SQL injection and data exfiltration alerts.
# Expect: azurerm_mssql_server_security_alert_policy.shop
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

resource "azurerm_mssql_server" "shop" {
  name                          = "sql-shop"
  resource_group_name           = azurerm_resource_group.shop.name
  location                      = azurerm_resource_group.shop.location
  version                       = "12.0"
  minimum_tls_version           = "1.2"
  public_network_access_enabled = false

  azuread_administrator {
    login_username              = "sql-admins"
    object_id                   = "7c9e6679-7425-40de-944b-e07fc1f90ae7"
    azuread_authentication_only = true
  }
}

resource "azurerm_mssql_server_security_alert_policy" "shop" {
  resource_group_name = azurerm_resource_group.shop.name
  server_name         = azurerm_mssql_server.shop.name
  state               = "Enabled"
  disabled_alerts     = ["Sql_Injection", "Data_Exfiltration"]
}
