# METADATA
# title: Network Watcher missing in a region in use
# description: |
#   Every Azure region where the evaluated stacks create resources needs an
#   azurerm_network_watcher (flow logs, connection troubleshooting, packet capture for
#   investigations). A missing region is reported on the region (subject region:<cloud>:<region>).
#   Unknowns: resources whose location cannot be resolved form their own scope, "(region
#   unknown)", which a Network Watcher whose location is unresolved too covers.
# custom:
#   id: azure-network-watcher-every-region
#   control: audit-logging-every-region
#   cloud: azure
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Network monitoring and defences; audit-log management
#   remediation: |
#     Add an azurerm_network_watcher with location = the region, for each region in use.
#   construct: AzureBaseline
#   runbook:
#     exposure: A region in use has no Network Watcher, so no flow logs or connection troubleshooting exist there
#     preserve:
#       - do: List the Network Watchers there are
#         run: az network watcher list
#       - do: Export the control-plane changes in the exposure window (a deleted watcher)
#         run: az monitor activity-log list --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Enable Network Watcher in the region
#         run: az network watcher configure --locations {{region}} --enabled true --resource-group {{fill.network-watcher-resource-group}}
#     verify:
#       - do: A watcher exists in the region
#         run: az network watcher list --query "[?location=='{{region}}']"
#   example: |
#     # One per region in use (Azure may already have created NetworkWatcher_<region>: import it).
#     resource "azurerm_network_watcher" "westus2" {
#       name                = "NetworkWatcher_westus2"
#       location            = "westus2"
#       resource_group_name = "NetworkWatcherRG"
#     }
#
#     resource "azurerm_network_watcher" "eastus2" {
#       name                = "NetworkWatcher_eastus2"
#       location            = "eastus2"
#       resource_group_name = "NetworkWatcherRG"
#     }
package leakguard.rules.azure.network.network_watcher_every_region

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

watched contains resources.region_of(w) if some w in resources.of_type("azurerm_network_watcher")

deny contains finding.new(rego.metadata.chain(), anchor, msg) if {
	some region in resources.regions_in_use("azure")
	not watched[region]
	anchor := resources.region_anchor("azure", region)
	msg := sprintf("Region %s has Azure resources but no Network Watcher", [region])
}
