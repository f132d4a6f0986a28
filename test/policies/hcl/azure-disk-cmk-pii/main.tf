# Seed mistake: a PII-classified data disk is encrypted with platform keys only (no disk encryption set).
# Expect: azurerm_managed_disk.customers
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

resource "azurerm_managed_disk" "customers" {
  name                          = "disk-shop-customers"
  location                      = azurerm_resource_group.shop.location
  resource_group_name           = azurerm_resource_group.shop.name
  storage_account_type          = "Premium_LRS"
  create_option                 = "Empty"
  disk_size_gb                  = 128
  public_network_access_enabled = false
  network_access_policy         = "DenyAll"

  tags = {
    "data-classification" = "pii"
    owner                 = "customers"
    environment           = "prod"
  }
}
