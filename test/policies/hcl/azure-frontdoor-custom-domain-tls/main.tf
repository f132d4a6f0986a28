# Seed mistake: the shop's custom domain on Front Door accepts TLS 1.0.
# Expect: azurerm_cdn_frontdoor_custom_domain.shop
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

resource "azurerm_cdn_frontdoor_profile" "shop" {
  name                = "afd-shop"
  resource_group_name = azurerm_resource_group.shop.name
  sku_name            = "Premium_AzureFrontDoor"
}

resource "azurerm_cdn_frontdoor_custom_domain" "shop" {
  name                     = "shop-example-com"
  cdn_frontdoor_profile_id = azurerm_cdn_frontdoor_profile.shop.id
  host_name                = "shop.example.com"

  tls {
    certificate_type    = "ManagedCertificate"
    minimum_tls_version = "TLS10"
  }
}
