# METADATA
# title: Azure SQL server accepts TLS older than 1.2
# description: |
#   TLS 1.0/1.1 are broken for data in transit. minimum_tls_version on an azurerm_mssql_server
#   must be "1.2" or later (the default); "1.0", "1.1" and "Disabled" (every version, the
#   setting off) let clients query customer tables over old protocols. AzAPI servers are read
#   from properties.minimalTlsVersion.
#   Unknowns: a version unknown at plan time or given by an expression the tool cannot
#   evaluate cannot be shown to be TLS 1.2 and is reported.
# custom:
#   id: azure-sql-min-tls
#   control: storage-encryption
#   cloud: azure
#   severity: high
#   data_stores:
#     check: encryption-in-transit
#     types: [azurerm_mssql_server]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Encryption of personal information in transit
#   remediation: |
#     Set minimum_tls_version = "1.2" on the azurerm_mssql_server.
#   construct: HardenedSqlServer
#   fix:
#     summary: Refuse clients older than TLS 1.2
#     edits:
#       - set: { minimum_tls_version: '"1.2"' }
#   example: |
#     resource "azurerm_mssql_server" "orders" {
#       name                          = "sql-shop-orders"
#       resource_group_name           = azurerm_resource_group.shop.name
#       location                      = azurerm_resource_group.shop.location
#       version                       = "12.0"
#       minimum_tls_version           = "1.2"
#       public_network_access_enabled = false
#       azuread_administrator {
#         login_username              = "sql-admins"
#         object_id                   = "00000000-0000-0000-0000-000000000000"
#         azuread_authentication_only = true
#       }
#     }
package leakguard.rules.azure.sql.min_tls

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

weak := {"1.0", "1.1", "Disabled"}

deny contains finding.new(rego.metadata.chain(), s, msg) if {
	some s in resources.of_type("azurerm_mssql_server")
	msg := problem(s)
}

problem(s) := sprintf("SQL server %s has minimum_tls_version unknown at plan time; TLS 1.2 cannot be shown", [s.address]) if {
	resources.unverifiable(s, "minimum_tls_version")
} else := sprintf("SQL server %s accepts TLS %s; set minimum_tls_version = \"1.2\"", [s.address, v]) if {
	v := object.get(s.values, "minimum_tls_version", "1.2")
	weak[v]
	v != "Disabled"
} else := sprintf("SQL server %s accepts every TLS version (minimum_tls_version Disabled); set minimum_tls_version = \"1.2\"", [s.address]) if {
	object.get(s.values, "minimum_tls_version", "1.2") == "Disabled"
}
