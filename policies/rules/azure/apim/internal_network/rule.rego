# METADATA
# title: API Management reachable without the WAF
# description: |
#   API Management has no WAF of its own; it must sit behind an Application Gateway or
#   Front Door WAF, which only works if it cannot be called directly:
#   virtual_network_type = "Internal" (default "None" and "External" expose the gateway to
#   the internet).
#   Unknowns: a network type unknown at plan time is not proven and is reported.
# custom:
#   id: azure-apim-internal
#   control: api-input-validation
#   cloud: azure
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Network monitoring and defences; segmentation
#   remediation: |
#     Deploy API Management with virtual_network_type = "Internal" and publish it through an
#     Application Gateway or Front Door with a WAF policy in Prevention mode.
#   construct: SecureFrontDoor
#   example: |
#     # Published only through an Application Gateway or Front Door WAF in Prevention mode.
#     resource "azurerm_api_management" "shop" {
#       name                 = "shop-apim"
#       location             = azurerm_resource_group.shop.location
#       resource_group_name  = azurerm_resource_group.shop.name
#       publisher_name       = "Shop"
#       publisher_email      = "platform@shop.example"
#       sku_name             = "Premium_1"
#       virtual_network_type = "Internal"
#
#       virtual_network_configuration {
#         subnet_id = azurerm_subnet.apim.id
#       }
#     }
package leakguard.rules.azure.apim.internal_network

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

deny contains finding.new(rego.metadata.chain(), a, msg) if {
	some a in resources.of_type("azurerm_api_management")
	object.get(a.values, "virtual_network_type", "None") != "Internal"
	msg := message(a)
}

message(a) := sprintf("API Management %s has a network type unknown at plan time", [a.address]) if resources.unknown_at(a, "virtual_network_type")

message(a) := sprintf("API Management %s is reachable directly (virtual_network_type %s), bypassing any WAF", [a.address, resources.shown(object.get(a.values, "virtual_network_type", "None"))]) if not resources.unknown_at(a, "virtual_network_type")
