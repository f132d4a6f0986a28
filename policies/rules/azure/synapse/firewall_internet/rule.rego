# METADATA
# title: Synapse workspace firewall open to the internet
# description: |
#   An azurerm_synapse_firewall_rule opening more than sql_firewall_max_addresses addresses
#   (default 65,536, a /16), up to 0.0.0.0–255.255.255.255, lets a large part of the internet
#   reach the workspace's SQL endpoints and their logins. (0.0.0.0–0.0.0.0 is the "allow
#   Azure services" rule and is left to azure-synapse-public-network.)
#   Unknowns: a start or end address set from another resource, a variable without a value
#   or an expression is reported as not verifiable, unless the known other end bounds every
#   possible range within sql_firewall_max_addresses or both are the same public IP (one
#   address).
# custom:
#   id: azure-synapse-firewall-internet
#   control: egress-restriction
#   cloud: azure
#   severity: critical
#   data_stores:
#     check: public-reachability
#     types: [azurerm_synapse_workspace]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Network monitoring and defences; segmentation
#   remediation: |
#     Remove the rule; reach the workspace through private endpoints, or list only the exact
#     addresses that need access.
#   construct: HardenedSynapseWorkspace
#   runbook:
#     exposure: The Synapse workspace accepts connections from every address on the internet; only its logins stand between its data and anyone
#     preserve:
#       - do: Save the workspace's firewall rules
#         run: az synapse workspace firewall-rule list --workspace-name {{via.synapse_workspace_id.name|fill.workspace-name}} --resource-group {{via.synapse_workspace_id.resource_group_name|fill.resource-group}}
#       - do: Export the control-plane changes in the exposure window
#         run: az monitor activity-log list --resource-group {{via.synapse_workspace_id.resource_group_name|fill.resource-group}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Delete the rule that opens the workspace to the internet
#         run: az synapse workspace firewall-rule delete --name {{values.name}} --workspace-name {{via.synapse_workspace_id.name|fill.workspace-name}} --resource-group {{via.synapse_workspace_id.resource_group_name|fill.resource-group}} --yes
#         destructive: true
#     verify:
#       - do: No rule spans the internet
#         run: az synapse workspace firewall-rule list --workspace-name {{via.synapse_workspace_id.name|fill.workspace-name}} --resource-group {{via.synapse_workspace_id.resource_group_name|fill.resource-group}}
#   example: |
#     resource "azurerm_synapse_firewall_rule" "office" {
#       name                 = "office-egress"
#       synapse_workspace_id = azurerm_synapse_workspace.analytics.id
#       start_ip_address     = "203.0.113.10"
#       end_ip_address       = "203.0.113.10"
#     }
package leakguard.rules.azure.synapse.firewall_internet

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some [r, size] in resources.wide_firewall_rules(["azurerm_synapse_firewall_rule"])
	msg := sprintf("%s opens the Synapse workspace to %d internet addresses (%s-%s)", [r.address, size, r.values.start_ip_address, r.values.end_ip_address])
}

# A start or end address set from another resource, a variable without a value or an
# expression: the range it opens cannot be read (unless the known end bounds it).
deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some [r, attrs] in resources.unknown_firewall_rules(["azurerm_synapse_firewall_rule"])
	msg := sprintf("%s has %s unknown at plan time; that it does not open the Synapse workspace to the internet cannot be verified", [r.address, concat(" and ", attrs)])
}
