# METADATA
# title: PostgreSQL/MySQL firewall open to the internet
# description: |
#   A server-level firewall rule on Azure Database for PostgreSQL, MySQL or MariaDB (single
#   or flexible server) that opens more than sql_firewall_max_addresses addresses (default
#   65,536, a /16), up to 0.0.0.0–255.255.255.255, lets a large part of the internet reach the
#   database login, leaving only a password between it and customer data. (0.0.0.0–0.0.0.0 is
#   Azure's "allow Azure services" switch and is left to azure-rdbms-public-network.)
#   Unknowns: addresses unknown at plan time come from other resources and are not reported.
# custom:
#   id: azure-rdbms-firewall-internet
#   control: egress-restriction
#   cloud: azure
#   severity: critical
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Network monitoring and defences; segmentation
#   remediation: |
#     Remove the rule; reach the server through a private endpoint or a delegated subnet,
#     or list only the exact addresses that need access.
#   construct: HardenedFlexibleServer
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
