# METADATA
# title: Application Insights retention out of range
# description: |
#   Application telemetry captures request URLs, user ids and exception payloads.
#   retention_in_days (provider default 90) must be within [log_retention_min_days,
#   log_retention_max_days].
#   Unknowns: a retention unknown at plan time cannot be shown in range and is reported.
# custom:
#   id: azure-app-insights-retention
#   control: log-retention
#   cloud: azure
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.100(e) (reasonable security for personal information)
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Retention and disposal of personal information; audit-log management
#   remediation: |
#     Set retention_in_days within the configured range on azurerm_application_insights
#     (or on its workspace for workspace-based components).
#   construct: BoundedWorkspace
#   fix:
#     summary: Keep the telemetry for the shortest retention period inside the configured range
#     edits:
#       - set:
#           retention_in_days: { smallest_of: [30, 60, 90, 120, 180, 270, 365, 550, 730], at_least: log_retention_min_days, at_most: log_retention_max_days }
#   example: |
#     resource "azurerm_application_insights" "shop" {
#       name                = "shop-appinsights"
#       location            = azurerm_resource_group.shop.location
#       resource_group_name = azurerm_resource_group.shop.name
#       application_type    = "web"
#       workspace_id        = azurerm_log_analytics_workspace.central.id
#       retention_in_days   = 180 # within [log_retention_min_days, log_retention_max_days]
#     }
package leakguard.rules.azure.monitor.app_insights_retention

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

min_days := config.settings.log_retention_min_days

max_days := config.settings.log_retention_max_days

provider_default := 90

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("azurerm_application_insights")
	msg := message(r)
}

message(r) := sprintf("Application Insights %s keeps telemetry %d days, outside %d-%d", [r.address, days, min_days, max_days]) if {
	not resources.unknown_at(r, "retention_in_days")
	days := object.get(r.values, "retention_in_days", provider_default)
	is_number(days)
	not in_range(days)
}

message(r) := sprintf("Application Insights %s has a retention unknown at plan time", [r.address]) if resources.unknown_at(r, "retention_in_days")

in_range(days) if {
	days >= min_days
	days <= max_days
}
