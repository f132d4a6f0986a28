# Seed mistake: the customer database's backups stay in its own region (geo-redundancy off).
# Expect: azurerm_mysql_flexible_server.customers
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

resource "azurerm_mysql_flexible_server" "customers" {
  name                         = "mysql-shop-customers"
  resource_group_name          = azurerm_resource_group.shop.name
  location                     = azurerm_resource_group.shop.location
  administrator_login          = "shopadmin"
  administrator_password       = var.mysql_password
  sku_name                     = "GP_Standard_D2ds_v4"
  version                      = "8.0.21"
  public_network_access        = "Disabled"
  backup_retention_days        = 14
  geo_redundant_backup_enabled = false

  tags = {
    "data-classification" = "pii"
    owner                 = "payments"
    environment           = "prod"
  }
}

variable "mysql_password" {
  type      = string
  sensitive = true
}
