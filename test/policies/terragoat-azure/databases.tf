# Leaks: public network access on and SSL enforcement off (azure-rdbms-public-network,
# azure-rdbms-tls).
resource "azurerm_mysql_server" "example" {
  name                = "terragoat-mysql-${var.environment}"
  location            = azurerm_resource_group.example.location
  resource_group_name = azurerm_resource_group.example.name

  administrator_login          = "terragoat-admin"
  administrator_login_password = var.db_password

  sku_name   = "B_Gen5_2"
  storage_mb = 5120
  version    = "5.7"

  auto_grow_enabled                 = true
  backup_retention_days             = 7
  geo_redundant_backup_enabled      = false
  infrastructure_encryption_enabled = false
  public_network_access_enabled     = true
  ssl_enforcement_enabled           = false
}

# Leak: SSL enforcement off (azure-rdbms-tls); public network access left at its default
# (azure-rdbms-public-network).
resource "azurerm_postgresql_server" "example" {
  name                = "terragoat-postgresql-${var.environment}"
  location            = azurerm_resource_group.example.location
  resource_group_name = azurerm_resource_group.example.name

  sku_name = "B_Gen5_2"

  storage_mb                   = 5120
  backup_retention_days        = 7
  geo_redundant_backup_enabled = false
  auto_grow_enabled            = true

  administrator_login          = "terragoat"
  administrator_login_password = var.db_password
  version                      = "9.5"
  ssl_enforcement_enabled      = false
}

# Leak: every IPv4 address may reach the PostgreSQL login (azure-rdbms-firewall-internet).
resource "azurerm_postgresql_firewall_rule" "everyone" {
  name                = "allow-all"
  resource_group_name = azurerm_resource_group.example.name
  server_name         = azurerm_postgresql_server.example.name
  start_ip_address    = "0.0.0.0"
  end_ip_address      = "255.255.255.255"
}

variable "db_password" {
  type      = string
  sensitive = true
}
