# METADATA
# title: Synapse workspace firewall open to the internet
# description: |
#   An azurerm_synapse_firewall_rule opening more than sql_firewall_max_addresses addresses
#   (default 65,536, a /16), up to 0.0.0.0–255.255.255.255, lets a large part of the internet
#   reach the workspace's SQL endpoints and their logins. (0.0.0.0–0.0.0.0 is the "allow
#   Azure services" rule and is left to azure-synapse-public-network.)
#   Unknowns: addresses unknown at plan time come from other resources and are not reported.
# custom:
#   id: azure-synapse-firewall-internet
#   control: egress-restriction
#   cloud: azure
#   severity: critical
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Network monitoring and defences; segmentation
#   remediation: |
#     Remove the rule; reach the workspace through private endpoints, or list only the exact
#     addresses that need access.
#   construct: HardenedSynapseWorkspace
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
