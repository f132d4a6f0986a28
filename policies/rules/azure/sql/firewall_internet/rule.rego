# METADATA
# title: SQL server firewall open to the whole internet
# description: |
#   A firewall rule from 0.0.0.0 to 255.255.255.255 on azurerm_mssql_firewall_rule or
#   azurerm_sql_firewall_rule lets any address reach the database login, leaving only the
#   password between the internet and customer data. (0.0.0.0–0.0.0.0 is Azure's "allow
#   Azure services" switch and is left to the public-network rule.)
#   Unknowns: addresses unknown at plan time come from other resources and are not
#   reported.
# custom:
#   id: azure-sql-firewall-internet
#   control: egress-restriction
#   cloud: azure
#   severity: critical
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Network monitoring and defences; segmentation
#   remediation: |
#     Remove the rule; reach the server through a private endpoint or list the exact
#     addresses that need access.
#   construct: HardenedSqlServer
package leakguard.rules.azure.sql.firewall_internet

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some t in ["azurerm_mssql_firewall_rule", "azurerm_sql_firewall_rule"]
	some r in resources.of_type(t)
	r.values.start_ip_address == "0.0.0.0"
	r.values.end_ip_address == "255.255.255.255"
	msg := sprintf("%s allows every internet address (0.0.0.0-255.255.255.255) to reach the SQL server", [r.address])
}
