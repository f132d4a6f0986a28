# Seed mistake: the checkout route's rule set sends a CSP whose script-src allows 'unsafe-inline'.
# Expect: azurerm_cdn_frontdoor_route.checkout
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

resource "azurerm_cdn_frontdoor_endpoint" "shop" {
  name                     = "shop"
  cdn_frontdoor_profile_id = azurerm_cdn_frontdoor_profile.shop.id
}

resource "azurerm_cdn_frontdoor_origin_group" "app" {
  name                     = "app"
  cdn_frontdoor_profile_id = azurerm_cdn_frontdoor_profile.shop.id

  load_balancing {}
}

resource "azurerm_cdn_frontdoor_origin" "app" {
  name                           = "app"
  cdn_frontdoor_origin_group_id  = azurerm_cdn_frontdoor_origin_group.app.id
  host_name                      = "app.shop.example"
  certificate_name_check_enabled = true
}

resource "azurerm_cdn_frontdoor_rule_set" "headers" {
  name                     = "headers"
  cdn_frontdoor_profile_id = azurerm_cdn_frontdoor_profile.shop.id
}

resource "azurerm_cdn_frontdoor_rule" "csp" {
  name                      = "csp"
  cdn_frontdoor_rule_set_id = azurerm_cdn_frontdoor_rule_set.headers.id
  order                     = 1

  actions {
    response_header_action {
      header_action = "Overwrite"
      header_name   = "Content-Security-Policy"
      value         = "default-src 'self'; script-src 'self' 'unsafe-inline' https://www.googletagmanager.com"
    }
  }
}

resource "azurerm_cdn_frontdoor_route" "checkout" {
  name                          = "checkout"
  cdn_frontdoor_endpoint_id     = azurerm_cdn_frontdoor_endpoint.shop.id
  cdn_frontdoor_origin_group_id = azurerm_cdn_frontdoor_origin_group.app.id
  cdn_frontdoor_origin_ids      = [azurerm_cdn_frontdoor_origin.app.id]
  forwarding_protocol           = "HttpsOnly"
  patterns_to_match             = ["/checkout/*"]
  supported_protocols           = ["Https"]
  https_redirect_enabled        = false
  cdn_frontdoor_rule_set_ids    = [azurerm_cdn_frontdoor_rule_set.headers.id]
}
