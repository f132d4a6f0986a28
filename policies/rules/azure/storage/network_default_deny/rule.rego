# METADATA
# title: Storage account reachable from any network
# description: |
#   A storage account should refuse the public internet: public_network_access_enabled =
#   false, or network rules with default_action "Deny" (inline network_rules block or an
#   azurerm_storage_account_network_rules linked to the account). Both default to open.
#   Unknowns: a default_action unknown at plan time cannot be shown Deny and is reported;
#   network_rules the provider only computes (not configured) count as absent.
# custom:
#   id: azure-storage-network-deny
#   control: public-storage
#   cloud: azure
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Network monitoring and defences; segmentation
#   remediation: |
#     Set public_network_access_enabled = false (private endpoints), or add network_rules {
#     default_action = "Deny" } with the allowed subnets and IP ranges.
#   construct: HardenedStorageAccount
#   example: |
#     resource "azurerm_storage_account" "customers" {
#       name                          = "shopcustomers"
#       resource_group_name           = azurerm_resource_group.shop.name
#       location                      = azurerm_resource_group.shop.location
#       account_tier                  = "Standard"
#       account_replication_type      = "GRS"
#       public_network_access_enabled = false # reached through an azurerm_private_endpoint
#     }
#     # Or keep public access with network_rules { default_action = "Deny" } plus the allowed
#     # virtual_network_subnet_ids and ip_rules.
package leakguard.rules.azure.storage.network_default_deny

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

rules_type := "azurerm_storage_account_network_rules"

closed(r) if r.values.public_network_access_enabled == false

closed(r) if {
	"Deny" in resources.values_at(r, "network_rules.default_action")
	not resources.unresolved(r, "network_rules.default_action")
}

closed(r) if {
	some n in resources.referrers(r, rules_type)
	n.values.default_action == "Deny"
}

unknown(r) if resources.unresolved(r, "network_rules.default_action")

unknown(r) if resources.unknown_at(r, "public_network_access_enabled")

unknown(r) if {
	some n in resources.referrers(r, rules_type)
	resources.unknown_at(n, "default_action")
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("azurerm_storage_account")
	not closed(r)
	msg := message(r)
}

message(r) := sprintf("Storage account %s has network access settings unknown at plan time; it cannot be shown closed to the internet", [r.address]) if unknown(r)

message(r) := sprintf("Storage account %s accepts traffic from any network (public network access on, no network rules with default_action Deny)", [r.address]) if not unknown(r)
