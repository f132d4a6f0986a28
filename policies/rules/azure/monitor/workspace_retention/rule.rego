# METADATA
# title: Log Analytics workspace retention out of range
# description: |
#   Workspaces collect logs that hold customer data; retention_in_days (provider default
#   30) must be within [log_retention_min_days, log_retention_max_days].
#   Unknowns: a retention unknown at plan time cannot be shown in range and is reported.
# custom:
#   id: azure-log-analytics-retention
#   control: log-retention
#   cloud: azure
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.100(e) (reasonable security for personal information)
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Retention and disposal of personal information; audit-log management
#   remediation: |
#     Set retention_in_days within the configured range on azurerm_log_analytics_workspace.
#   construct: BoundedWorkspace
#   fix:
#     summary: Keep the logs for the shortest retention period inside the configured range
#     edits:
#       - set:
#           retention_in_days: { smallest_of: [30, 60, 90, 120, 180, 270, 365, 550, 730], at_least: log_retention_min_days, at_most: log_retention_max_days }
#     cdktf:
#       option: "retentionDays within minRetentionDays..maxRetentionDays"
#       snippet: |
#         new BoundedWorkspace(this, 'logs', { name: 'log-shop', resourceGroupName: rg.name, location: 'westus2', retentionDays: 90 });
#   example: |
#     resource "azurerm_log_analytics_workspace" "central" {
#       name                = "shop-central"
#       location            = azurerm_resource_group.shop.location
#       resource_group_name = azurerm_resource_group.shop.name
#       sku                 = "PerGB2018"
#       retention_in_days   = 365 # within [log_retention_min_days, log_retention_max_days]
#     }
package leakguard.rules.azure.monitor.workspace_retention

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

min_days := config.settings.log_retention_min_days

max_days := config.settings.log_retention_max_days

provider_default := 30

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("azurerm_log_analytics_workspace")
	msg := message(r)
}

message(r) := sprintf("Log Analytics workspace %s keeps logs %d days, outside %d-%d", [r.address, days, min_days, max_days]) if {
	not resources.unknown_at(r, "retention_in_days")
	days := object.get(r.values, "retention_in_days", provider_default)
	is_number(days)
	not in_range(days)
}

message(r) := sprintf("Log Analytics workspace %s has a retention unknown at plan time", [r.address]) if resources.unknown_at(r, "retention_in_days")

in_range(days) if {
	days >= min_days
	days <= max_days
}
