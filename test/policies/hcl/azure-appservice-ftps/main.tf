# Seed mistake: the function app allows plain FTP deployment.
# Expect: azurerm_linux_function_app.orders
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

resource "azurerm_service_plan" "shop" {
  name                = "asp-shop"
  resource_group_name = azurerm_resource_group.shop.name
  location            = azurerm_resource_group.shop.location
  os_type             = "Linux"
  sku_name            = "P1v3"
}

resource "azurerm_storage_account" "functions" {
  name                     = "stshopfunctions"
  resource_group_name      = azurerm_resource_group.shop.name
  location                 = azurerm_resource_group.shop.location
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_linux_function_app" "orders" {
  name                 = "func-shop-orders"
  location             = azurerm_resource_group.shop.location
  resource_group_name  = azurerm_resource_group.shop.name
  service_plan_id      = azurerm_service_plan.shop.id
  storage_account_name = azurerm_storage_account.functions.name
  https_only           = true

  site_config {
    ftps_state = "AllAllowed"
  }
}
