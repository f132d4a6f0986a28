# METADATA
# title: NSG flow log disabled
# description: |
#   An azurerm_network_watcher_flow_log with enabled = false records no network flows, so
#   the traffic of an exfiltration cannot be traced afterwards even though the flow log
#   appears to exist.
#   Unknowns: an enabled flag unknown at plan time is not proven and is reported.
# custom:
#   id: azure-network-flow-log-enabled
#   control: audit-logging-every-region
#   cloud: azure
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.82 (breach notification without unreasonable delay)
#   audit_component: Audit-log management; network monitoring and defences
#   remediation: |
#     Set enabled = true on the flow log (and keep its retention policy within range).
#   construct: RestrictedNsg
#   fix:
#     summary: Turn the flow log on
#     edits:
#       - set: { enabled: true }
#   runbook:
#     exposure: Traffic through the network security group is not recorded; connections to and from the data stores in the window cannot be reconstructed
#     preserve:
#       - do: Record the flow log as it is now
#         run: az network watcher flow-log show --location {{values.location|fill.location}} --name {{values.name}}
#       - do: Export who disabled it, and other control-plane changes in the window
#         run: az monitor activity-log list --resource-group {{values.resource_group_name}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Turn the flow log on
#         run: az network watcher flow-log update --location {{values.location|fill.location}} --name {{values.name}} --enabled true
#     verify:
#       - do: enabled reads true
#         run: az network watcher flow-log show --location {{values.location|fill.location}} --name {{values.name}} --query enabled
#   example: |
#     resource "azurerm_network_watcher_flow_log" "app" {
#       name                 = "app-nsg-flows"
#       network_watcher_name = "NetworkWatcher_westeurope"
#       resource_group_name  = "NetworkWatcherRG"
#       target_resource_id   = azurerm_network_security_group.app.id
#       storage_account_id   = azurerm_storage_account.flows.id
#       enabled              = true
#       retention_policy {
#         enabled = true
#         days    = 90
#       }
#     }
package leakguard.rules.azure.network.flow_log_enabled

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("azurerm_network_watcher_flow_log")
	r.values.enabled in {false, "false"}
	msg := sprintf("Flow log %s is disabled (enabled = false)", [r.address])
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("azurerm_network_watcher_flow_log")
	resources.unknown_at(r, "enabled")
	msg := sprintf("Flow log %s has enabled unknown at plan time", [r.address])
}
