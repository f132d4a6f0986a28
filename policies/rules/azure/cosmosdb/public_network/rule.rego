# METADATA
# title: Cosmos DB account reachable from the internet
# description: |
#   A Cosmos DB account with public network access on (the default) and neither an IP filter
#   nor a virtual-network filter accepts requests from any address; an ip_range_filter entry
#   wider than sql_firewall_max_addresses (e.g. 0.0.0.0/0) does the same. Only the account
#   keys then stand between the internet and the documents. ("0.0.0.0" alone is Cosmos DB's
#   "accept Azure datacenters" switch and counts as a filter.)
#   Unknowns: a setting unknown at plan time or given by an expression the tool cannot
#   evaluate is not proven restricted and is reported.
# custom:
#   id: azure-cosmosdb-public-network
#   control: public-storage
#   cloud: azure
#   severity: high
#   data_stores:
#     check: public-reachability
#     types: [azurerm_cosmosdb_account]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Network monitoring and defences; segmentation
#   remediation: |
#     Set public_network_access_enabled = false and use a private endpoint, or restrict the
#     account with ip_range_filter (only the addresses that need access) or
#     is_virtual_network_filter_enabled with virtual_network_rule blocks.
#   construct: HardenedCosmosAccount
#   fix:
#     summary: Turn off public network access
#     edits:
#       - set: { public_network_access_enabled: false }
#     cdktf:
#       option: "HardenedCosmosAccount always turns public network access off"
#       snippet: |
#         new HardenedCosmosAccount(this, 'carts', { name: 'cosmos-shop-carts', resourceGroupName: rg.name, location: 'westus2', keyVault: keys, classification: 'pii' });
#   runbook:
#     exposure: The Cosmos DB account answers on a public endpoint from every network
#     preserve:
#       - do: Save the account's network settings as they are now
#         run: az cosmosdb show --name {{values.name}} --resource-group {{values.resource_group_name}}
#       - do: Export the control-plane changes in the exposure window
#         run: az monitor activity-log list --resource-group {{values.resource_group_name}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Turn off public network access
#         run: az cosmosdb update --name {{values.name}} --resource-group {{values.resource_group_name}} --public-network-access DISABLED
#     verify:
#       - do: publicNetworkAccess reads Disabled
#         run: az cosmosdb show --name {{values.name}} --resource-group {{values.resource_group_name}} --query publicNetworkAccess
#   example: |
#     resource "azurerm_cosmosdb_account" "carts" {
#       name                          = "cosmos-shop-carts"
#       location                      = azurerm_resource_group.shop.location
#       resource_group_name           = azurerm_resource_group.shop.name
#       offer_type                    = "Standard"
#       public_network_access_enabled = false # reached through an azurerm_private_endpoint
#       local_authentication_disabled = true
#       consistency_policy {
#         consistency_level = "Session"
#       }
#       geo_location {
#         location          = azurerm_resource_group.shop.location
#         failover_priority = 0
#       }
#     }
package leakguard.rules.azure.cosmosdb.public_network

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

filter(a) := resources.ip_filter_entries(object.get(a.values, "ip_range_filter", null))

wide_entries(a) := [e | some e in filter(a); resources.ipv4_entry_size(e) > config.settings.sql_firewall_max_addresses]

vnet_filtered(a) if {
	object.get(a.values, "is_virtual_network_filter_enabled", false) == true
	count(resources.blocks_at(a, "virtual_network_rule")) + count(object.get(a.references, "virtual_network_rule.id", [])) > 0
}

deny contains finding.new(rego.metadata.chain(), a, msg) if {
	some a in resources.of_type("azurerm_cosmosdb_account")
	resources.not_false(a, "public_network_access_enabled")
	msg := problem(a)
}

problem(a) := sprintf("Cosmos DB account %s has its public network access or IP filter unknown at plan time; it cannot be shown restricted", [a.address]) if {
	some attr in ["public_network_access_enabled", "ip_range_filter"]
	resources.unverifiable(a, attr)
} else := sprintf("Cosmos DB account %s admits internet-wide ranges in ip_range_filter: %s", [a.address, concat(", ", wide_entries(a))]) if {
	count(wide_entries(a)) > 0
} else := sprintf("Cosmos DB account %s accepts requests from any address (public network access on, no IP or virtual-network filter)", [a.address]) if {
	count(filter(a)) == 0
	not vnet_filtered(a)
}
