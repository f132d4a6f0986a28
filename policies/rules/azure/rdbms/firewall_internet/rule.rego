# METADATA
# title: PostgreSQL/MySQL firewall open to the internet
# description: |
#   A server-level firewall rule on Azure Database for PostgreSQL, MySQL or MariaDB (single
#   or flexible server) that opens more than sql_firewall_max_addresses addresses (default
#   65,536, a /16), up to 0.0.0.0–255.255.255.255, lets a large part of the internet reach the
#   database login, leaving only a password between it and customer data. (0.0.0.0–0.0.0.0 is
#   Azure's "allow Azure services" switch and is left to azure-rdbms-public-network.)
#   Unknowns: a start or end address set from another resource, a variable without a value
#   or an expression is reported as not verifiable, unless the known other end bounds every
#   possible range within sql_firewall_max_addresses or both are the same public IP (one
#   address).
# custom:
#   id: azure-rdbms-firewall-internet
#   control: egress-restriction
#   cloud: azure
#   severity: critical
#   data_stores:
#     check: public-reachability
#     types: [azurerm_postgresql_flexible_server, azurerm_postgresql_server, azurerm_mysql_flexible_server, azurerm_mysql_server]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Network monitoring and defences; segmentation
#   remediation: |
#     Remove the rule; reach the server through a private endpoint or a delegated subnet,
#     or list only the exact addresses that need access.
#   construct: HardenedFlexibleServer
#   runbook:
#     exposure: The database server accepts connections from every address on the internet; only its logins stand between its data and anyone
#     preserve:
#       - do: Save the server's firewall rules (MySQL flexible server shown; az postgres flexible-server firewall-rule list for PostgreSQL)
#         run: az mysql flexible-server firewall-rule list --name {{values.server_name|via.server_id.name|fill.server-name}} --resource-group {{values.resource_group_name}}
#       - do: Export the control-plane changes in the exposure window
#         run: az monitor activity-log list --resource-group {{values.resource_group_name}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Delete the rule that opens the server to the internet
#         run: az mysql flexible-server firewall-rule delete --name {{values.server_name|via.server_id.name|fill.server-name}} --resource-group {{values.resource_group_name}} --rule-name {{values.name}} --yes
#         destructive: true
#     verify:
#       - do: No rule spans the internet
#         run: az mysql flexible-server firewall-rule list --name {{values.server_name|via.server_id.name|fill.server-name}} --resource-group {{values.resource_group_name}}
#   example: |
#     # No 0.0.0.0-255.255.255.255 rule: a private endpoint, or only the addresses that need access.
#     resource "azurerm_postgresql_flexible_server_firewall_rule" "office" {
#       name             = "office-egress"
#       server_id        = azurerm_postgresql_flexible_server.orders.id
#       start_ip_address = "203.0.113.10"
#       end_ip_address   = "203.0.113.10"
#     }
package leakguard.rules.azure.rdbms.firewall_internet

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

firewall_types := [
	"azurerm_postgresql_firewall_rule", "azurerm_mysql_firewall_rule", "azurerm_mariadb_firewall_rule",
	"azurerm_postgresql_flexible_server_firewall_rule", "azurerm_mysql_flexible_server_firewall_rule",
]

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some [r, size] in resources.wide_firewall_rules(firewall_types)
	msg := sprintf("%s opens the database server to %d internet addresses (%s-%s)", [r.address, size, r.values.start_ip_address, r.values.end_ip_address])
}

# A start or end address set from another resource, a variable without a value or an
# expression: the range it opens cannot be read (unless the known end bounds it).
deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some [r, attrs] in resources.unknown_firewall_rules(firewall_types)
	msg := sprintf("%s has %s unknown at plan time; that it does not open the database server to the internet cannot be verified", [r.address, concat(" and ", attrs)])
}
