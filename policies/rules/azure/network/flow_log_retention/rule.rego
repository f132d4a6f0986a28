# METADATA
# title: NSG flow log retention out of range
# description: |
#   Flow logs record who talked to which host, and they are the evidence of an
#   exfiltration. An azurerm_network_watcher_flow_log needs retention_policy enabled with
#   days within [log_retention_min_days, log_retention_max_days]; a disabled policy or 0
#   days keeps them forever, a short one loses the evidence before a breach is found.
#   Unknowns: a retention policy, or its days, unknown at plan time cannot be shown in
#   range and is reported.
# custom:
#   id: azure-network-flow-log-retention
#   control: log-retention
#   cloud: azure
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.100(e) (reasonable security)
#   audit_component: Audit-log management
#   remediation: |
#     Set retention_policy { enabled = true, days = <within the configured range> } on the
#     flow log.
#   construct: RestrictedNsg
#   fix:
#     summary: Keep flows for a bounded period inside the configured range
#     edits:
#       - nested: retention_policy
#         set: { enabled: true, days: { smallest_of: [30, 60, 90, 180, 365], at_least: log_retention_min_days, at_most: log_retention_max_days } }
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
package leakguard.rules.azure.network.flow_log_retention

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

min_days := config.settings.log_retention_min_days

max_days := config.settings.log_retention_max_days

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("azurerm_network_watcher_flow_log")
	msg := message(r)
}

message(r) := sprintf("Flow log %s keeps flows forever: its retention policy is disabled or missing", [r.address]) if {
	not resources.unknown_at(r, "retention_policy")
	not resources.all_true(r, "retention_policy.enabled")
}

message(r) := sprintf("Flow log %s keeps flows %d days, outside %d-%d (0 is forever)", [r.address, days, min_days, max_days]) if {
	not resources.unknown_at(r, "retention_policy")
	resources.all_true(r, "retention_policy.enabled")
	some days in resources.values_at(r, "retention_policy.days")
	is_number(days)
	not in_range(days)
}

message(r) := sprintf("Flow log %s has a retention policy unknown at plan time", [r.address]) if resources.unknown_at(r, "retention_policy")

# Days set from another resource, a variable without a value or an expression. (days is
# required in the block: unknown, it is configured, never the provider's to fill in.)
message(r) := sprintf("Flow log %s has retention_policy.days unknown at plan time; that it keeps flows %d-%d days cannot be verified", [r.address, min_days, max_days]) if {
	not resources.unknown_at(r, "retention_policy")
	resources.all_true(r, "retention_policy.enabled")
	days_unknown(r)
}

days_unknown(r) if resources.unknown_at(r, "retention_policy.days")

days_unknown(r) if resources.unresolved(r, "retention_policy.days")

in_range(days) if {
	days >= min_days
	days <= max_days
}
