# METADATA
# title: SQL server firewall open to the internet
# description: |
#   A firewall rule on azurerm_mssql_firewall_rule or azurerm_sql_firewall_rule opening
#   more than sql_firewall_max_addresses addresses (default 65,536, a /16), up to
#   0.0.0.0–255.255.255.255, lets a large part of the internet reach the database login,
#   leaving only the password between it and customer data. (0.0.0.0–0.0.0.0 is Azure's
#   "allow Azure services" switch and is left to azure-sql-public-network.)
#   Unknowns: a start or end address set from another resource, a variable without a value
#   or an expression is reported as not verifiable, unless the known other end bounds every
#   possible range within sql_firewall_max_addresses or both are the same public IP (one
#   address).
# custom:
#   id: azure-sql-firewall-internet
#   control: egress-restriction
#   cloud: azure
#   severity: critical
#   data_stores:
#     check: public-reachability
#     types: [azurerm_mssql_server, azurerm_sql_server]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Network monitoring and defences; segmentation
#   remediation: |
#     Remove the rule; reach the server through a private endpoint or list the exact
#     addresses that need access.
#   construct: HardenedSqlServer
#   runbook:
#     exposure: The SQL server's firewall admits every internet address, leaving only logins between the data and the internet
#     preserve:
#       - do: Save the firewall rules as they are now
#         run: az sql server firewall-rule list --server {{via.server_id.name|fill.sql-server-name}} --resource-group {{via.server_id.resource_group_name|fill.resource-group}}
#       - do: Record where auditing writes (logins and queries for the window)
#         run: az sql server audit-policy show --name {{via.server_id.name|fill.sql-server-name}} --resource-group {{via.server_id.resource_group_name|fill.resource-group}}
#       - do: Export the control-plane changes in the exposure window
#         run: az monitor activity-log list --resource-group {{via.server_id.resource_group_name|fill.resource-group}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Delete the internet-wide rule
#         run: az sql server firewall-rule delete --server {{via.server_id.name|fill.sql-server-name}} --resource-group {{via.server_id.resource_group_name|fill.resource-group}} --name {{values.name}}
#     verify:
#       - do: No rule spans 0.0.0.0 to 255.255.255.255 any more
#         run: az sql server firewall-rule list --server {{via.server_id.name|fill.sql-server-name}} --resource-group {{via.server_id.resource_group_name|fill.resource-group}}
#   example: |
#     # No 0.0.0.0-255.255.255.255 rule: a private endpoint, or only the addresses that need access.
#     resource "azurerm_mssql_firewall_rule" "office" {
#       name             = "office-egress"
#       server_id        = azurerm_mssql_server.shop.id
#       start_ip_address = "203.0.113.10"
#       end_ip_address   = "203.0.113.10"
#     }
package leakguard.rules.azure.sql.firewall_internet

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some [r, size] in resources.wide_firewall_rules(["azurerm_mssql_firewall_rule", "azurerm_sql_firewall_rule"])
	msg := sprintf("%s opens the SQL server to %d internet addresses (%s-%s)", [r.address, size, r.values.start_ip_address, r.values.end_ip_address])
}

# A start or end address set from another resource, a variable without a value or an
# expression: the range it opens cannot be read (unless the known end bounds it).
deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some [r, attrs] in resources.unknown_firewall_rules(["azurerm_mssql_firewall_rule", "azurerm_sql_firewall_rule"])
	msg := sprintf("%s has %s unknown at plan time; that it does not open the SQL server to the internet cannot be verified", [r.address, concat(" and ", attrs)])
}
