# Seed mistake: the dev workload identity holds a data role on the prod storage account.
# Expect: azurerm_role_assignment.dev_reads_prod
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

resource "azurerm_user_assigned_identity" "orders_dev" {
  name                = "id-orders-dev"
  resource_group_name = azurerm_resource_group.shop.name
  location            = azurerm_resource_group.shop.location

  tags = {
    environment = "dev"
  }
}

resource "azurerm_storage_account" "orders_prod" {
  name                     = "stordersprod"
  resource_group_name      = azurerm_resource_group.shop.name
  location                 = azurerm_resource_group.shop.location
  account_tier             = "Standard"
  account_replication_type = "GRS"

  tags = {
    environment = "prod"
  }
}

resource "azurerm_role_assignment" "dev_reads_prod" {
  scope                = azurerm_storage_account.orders_prod.id
  role_definition_name = "Storage Blob Data Reader"
  principal_id         = azurerm_user_assigned_identity.orders_dev.principal_id
}
