# Seed mistake: API Management is deployed in External VNet mode, callable directly from the internet.
# Expect: azurerm_api_management.shop
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

resource "azurerm_virtual_network" "shop" {
  name                = "vnet-shop"
  resource_group_name = azurerm_resource_group.shop.name
  location            = azurerm_resource_group.shop.location
  address_space       = ["10.20.0.0/16"]
}

resource "azurerm_subnet" "apim" {
  name                 = "snet-apim"
  resource_group_name  = azurerm_resource_group.shop.name
  virtual_network_name = azurerm_virtual_network.shop.name
  address_prefixes     = ["10.20.1.0/24"]
}

resource "azurerm_api_management" "shop" {
  name                 = "shop-apim"
  resource_group_name  = azurerm_resource_group.shop.name
  location             = azurerm_resource_group.shop.location
  publisher_name       = "Shop"
  publisher_email      = "platform@shop.example"
  sku_name             = "Premium_1"
  virtual_network_type = "External"

  virtual_network_configuration {
    subnet_id = azurerm_subnet.apim.id
  }
}
