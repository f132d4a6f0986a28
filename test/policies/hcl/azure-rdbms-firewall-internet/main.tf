# Seed mistake: a MySQL flexible server firewall rule opens the whole IPv4 internet.
# Expect: azurerm_mysql_flexible_server_firewall_rule.anyone
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

resource "azurerm_mysql_flexible_server" "orders" {
  name                   = "mysql-shop-orders"
  resource_group_name    = azurerm_resource_group.shop.name
  location               = azurerm_resource_group.shop.location
  administrator_login    = "shopadmin"
  administrator_password = var.mysql_password
  sku_name               = "GP_Standard_D2ds_v4"
  version                = "8.0.21"
}

variable "mysql_password" {
  type      = string
  sensitive = true
}

resource "azurerm_mysql_flexible_server_firewall_rule" "anyone" {
  name                = "allow-all"
  resource_group_name = azurerm_resource_group.shop.name
  server_name         = azurerm_mysql_flexible_server.orders.name
  start_ip_address    = "0.0.0.0"
  end_ip_address      = "255.255.255.255"
}
