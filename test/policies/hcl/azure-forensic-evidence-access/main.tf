# Seed mistake: the analytics identity is given Storage Blob Data Reader on the evidence container.
# Expect: azurerm_role_assignment.analytics_evidence
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

resource "azurerm_storage_account" "evidence" {
  name                      = "stshopevidence"
  resource_group_name       = azurerm_resource_group.shop.name
  location                  = azurerm_resource_group.shop.location
  account_tier              = "Standard"
  account_replication_type  = "GRS"
  shared_access_key_enabled = false

  tags = {
    purpose = "forensics"
  }
}

resource "azurerm_storage_container" "evidence" {
  name                  = "evidence"
  storage_account_id    = azurerm_storage_account.evidence.id
  container_access_type = "private"
}

resource "azurerm_user_assigned_identity" "analytics" {
  name                = "id-shop-analytics"
  resource_group_name = azurerm_resource_group.shop.name
  location            = azurerm_resource_group.shop.location
}

resource "azurerm_role_assignment" "analytics_evidence" {
  scope                = azurerm_storage_container.evidence.id
  role_definition_name = "Storage Blob Data Reader"
  principal_id         = azurerm_user_assigned_identity.analytics.principal_id
}
