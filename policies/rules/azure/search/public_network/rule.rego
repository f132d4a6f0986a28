# METADATA
# title: Search service reachable from the internet
# description: |
#   A search index is a copy of the customer records it was built from. With public network
#   access on (the default) and no allowed_ips, the service answers every address, guarded
#   only by its API keys; an allowed_ips entry wider than sql_firewall_max_addresses does
#   the same. Set public_network_access_enabled = false (private endpoints), or list only
#   the addresses that need access.
#   Unknowns: a setting unknown at plan time or given by an expression the tool cannot
#   evaluate is not proven restricted and is reported.
# custom:
#   id: azure-search-public-network
#   control: public-storage
#   cloud: azure
#   severity: high
#   data_stores:
#     check: public-reachability
#     types: [azurerm_search_service]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Network monitoring and defences; segmentation
#   remediation: |
#     Set public_network_access_enabled = false and add a private endpoint, or restrict
#     allowed_ips to the addresses that need access.
#   construct: HardenedSearchService
#   fix:
#     summary: Turn off public network access
#     edits:
#       - set: { public_network_access_enabled: false }
#     cdktf:
#       option: "HardenedSearchService always turns public network access off"
#       snippet: |
#         new HardenedSearchService(this, 'catalog', { name: 'srch-shop-catalog', resourceGroupName: rg.name, location: 'westus2', workspaceId: centralWorkspace.id });
#   runbook:
#     exposure: The search service answers on a public endpoint; a leaked query or admin key reads or changes every index
#     preserve:
#       - do: Save the service's settings as they are now
#         run: az search service show --name {{values.name}} --resource-group {{values.resource_group_name}}
#       - do: Export the control-plane changes in the exposure window (key listings)
#         run: az monitor activity-log list --resource-group {{values.resource_group_name}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Turn off public network access (private endpoints keep working)
#         run: az search service update --name {{values.name}} --resource-group {{values.resource_group_name}} --public-network-access disabled
#       - do: Regenerate the admin key if it may have leaked
#         run: az search admin-key renew --service-name {{values.name}} --resource-group {{values.resource_group_name}} --key-kind primary
#         destructive: true
#     verify:
#       - do: publicNetworkAccess reads disabled
#         run: az search service show --name {{values.name}} --resource-group {{values.resource_group_name}} --query publicNetworkAccess
#   example: |
#     resource "azurerm_search_service" "catalog" {
#       name                          = "srch-shop-catalog"
#       resource_group_name           = azurerm_resource_group.shop.name
#       location                      = azurerm_resource_group.shop.location
#       sku                           = "standard"
#       local_authentication_enabled  = false
#       public_network_access_enabled = false # reached through an azurerm_private_endpoint
#     }
package leakguard.rules.azure.search.public_network

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

allowed(s) := resources.ip_filter_entries(object.get(s.values, "allowed_ips", null))

wide_entries(s) := [e | some e in allowed(s); resources.ipv4_entry_size(e) > config.settings.sql_firewall_max_addresses]

deny contains finding.new(rego.metadata.chain(), s, msg) if {
	some s in resources.of_type("azurerm_search_service")
	resources.not_false(s, "public_network_access_enabled")
	msg := problem(s)
}

problem(s) := sprintf("Search service %s has its public network access or allowed_ips unknown at plan time; it cannot be shown restricted", [s.address]) if {
	some attr in ["public_network_access_enabled", "allowed_ips"]
	resources.unverifiable(s, attr)
} else := sprintf("Search service %s admits internet-wide ranges in allowed_ips: %s", [s.address, concat(", ", wide_entries(s))]) if {
	count(wide_entries(s)) > 0
} else := sprintf("Search service %s accepts requests from any address (public network access on, no allowed_ips)", [s.address]) if {
	count(allowed(s)) == 0
}
