# Seed mistake: the web app accepts TLS 1.1.
# Expect: azurerm_linux_web_app.storefront
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

resource "azurerm_linux_web_app" "storefront" {
  name                = "app-shop-storefront"
  location            = azurerm_resource_group.shop.location
  resource_group_name = azurerm_resource_group.shop.name
  service_plan_id     = azurerm_service_plan.shop.id
  https_only          = true

  site_config {
    minimum_tls_version = "1.1"
  }
}
