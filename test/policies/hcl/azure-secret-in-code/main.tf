# Seed mistake: the web app's settings carry the storage account key and the SQL password in plain text.
# Expect: azurerm_linux_web_app.shop
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
  name                = "plan-shop"
  resource_group_name = azurerm_resource_group.shop.name
  location            = azurerm_resource_group.shop.location
  os_type             = "Linux"
  sku_name            = "P1v3"
}

resource "azurerm_linux_web_app" "shop" {
  name                = "app-shop"
  resource_group_name = azurerm_resource_group.shop.name
  location            = azurerm_resource_group.shop.location
  service_plan_id     = azurerm_service_plan.shop.id
  https_only          = true

  site_config {}

  app_settings = {
    STORAGE_CONNECTION = "DefaultEndpointsProtocol=https;AccountName=stshop;AccountKey=q8Xv3kLmN0pQ7rS2tU5vW9yZ1aB4cD6eF8gH0iJ2kL4mN6oP8qR0sT2uV4wX6yZ8aB0cD2eF4gH6iJ8kL0mN2==;EndpointSuffix=core.windows.net"
    SQL_PASSWORD       = "Summer2026!Orders"
  }
}
