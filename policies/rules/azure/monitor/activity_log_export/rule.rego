# METADATA
# title: Subscription activity log not exported
# description: |
#   The activity log (who changed which resource, role assignments, key access policy
#   changes) is kept only 90 days and cannot be queried with data-plane logs unless a
#   diagnostic setting on the subscription (target_resource_id "/subscriptions/<id>" or a
#   subscription data source) exports it with the Administrative category (or the allLogs
#   group). Evaluated across all stacks; reported on the Azure estate (subject estate:azure) when missing.
#   The legacy azurerm_monitor_log_profile does not count (retired by Azure).
#   Unknowns: a target unknown at plan time counts only when it refers to a subscription.
# custom:
#   id: azure-activity-log-export
#   control: audit-logging-every-region
#   cloud: azure
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.82 (breach notification without unreasonable delay)
#   audit_component: Audit-log management
#   remediation: |
#     Add azurerm_monitor_diagnostic_setting { target_resource_id = "/subscriptions/<id>",
#     log_analytics_workspace_id = the central workspace, enabled_log { category =
#     "Administrative" } (and Security, Policy, Alert) }.
#   construct: AzureBaseline
#   runbook:
#     exposure: The subscription's activity log is kept only 90 days and not in the central workspace, so older control-plane changes are lost
#     preserve:
#       - do: Export the activity log of the exposure window now, before it ages out
#         run: az monitor activity-log list --start-time {{window_start}} --end-time {{window_end}}
#       - do: Record the subscription's diagnostic settings as they are now
#         run: az monitor diagnostic-settings subscription list
#     contain:
#       - do: Export the activity log to the central workspace
#         run: az monitor diagnostic-settings subscription create --name leakguard-activity-log --workspace {{fill.central-workspace-resource-id}} --logs @{{fill.activity-log-categories.json}}
#     verify:
#       - do: The setting is listed with its workspace
#         run: az monitor diagnostic-settings subscription list
#   example: |
#     data "azurerm_subscription" "current" {}
#
#     resource "azurerm_monitor_diagnostic_setting" "activity_log" {
#       name                       = "activity-log-to-central"
#       target_resource_id         = data.azurerm_subscription.current.id
#       log_analytics_workspace_id = azurerm_log_analytics_workspace.central.id
#       enabled_log { category = "Administrative" }
#       enabled_log { category = "Security" }
#       enabled_log { category = "Policy" }
#       enabled_log { category = "Alert" }
#     }
package leakguard.rules.azure.monitor.activity_log_export

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

subscription_target(s) if regex.match(`^/subscriptions/[^/]+/?$`, object.get(s.values, "target_resource_id", ""))

subscription_target(s) if {
	some target in resources.linked_to(s, "target_resource_id")
	target.type == "azurerm_subscription"
}

administrative(s) if {
	some b in resources.objects(object.get(s.values, "enabled_log", null))
	object.get(b, "category", "") == "Administrative"
}

administrative(s) if {
	some b in resources.objects(object.get(s.values, "enabled_log", null))
	object.get(b, "category_group", "") == "allLogs"
}

administrative(s) if {
	some b in resources.objects(object.get(s.values, "log", null))
	object.get(b, "category", "") == "Administrative"
	object.get(b, "enabled", true) != false
}

exported if {
	some s in resources.of_type("azurerm_monitor_diagnostic_setting")
	subscription_target(s)
	administrative(s)
}

deny contains finding.new(rego.metadata.chain(), resources.estate_subject("azure"), msg) if {
	not exported
	msg := "No diagnostic setting exports the subscription activity log (Administrative category) in the evaluated stacks"
}
