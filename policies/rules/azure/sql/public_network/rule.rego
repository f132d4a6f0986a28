# METADATA
# title: SQL server reachable from public networks
# description: |
#   public_network_access_enabled (default true) exposes the server endpoint, and with it
#   restores of every backup, to the internet, protected only by firewall rules and
#   passwords. azurerm_mssql_server must set it false; the legacy azurerm_sql_server cannot
#   and is reported as such.
#   Unknowns: a flag unknown at plan time is not proven and is reported.
# custom:
#   id: azure-sql-public-network
#   control: backup-protection
#   cloud: azure
#   severity: high
#   data_stores:
#     check: public-reachability
#     types: [azurerm_mssql_server, azurerm_sql_server]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Network monitoring and defences; segmentation
#   remediation: |
#     Set public_network_access_enabled = false and connect through a private endpoint
#     (migrate azurerm_sql_server to azurerm_mssql_server).
#   construct: HardenedSqlServer
#   fix:
#     summary: Turn off public network access
#     edits:
#       - set: { public_network_access_enabled: false }
#     cdktf:
#       option: "HardenedSqlServer always turns public network access off"
#       snippet: |
#         new HardenedSqlServer(this, 'shop', { name: 'sql-shop', resourceGroupName: rg.name, location: 'westus2', adminGroup: { loginUsername: 'sql-admins', objectId: sqlAdminsGroupId }, keyVault: keys });
#   runbook:
#     exposure: The SQL server answers on a public endpoint, limited only by its firewall rules and logins
#     preserve:
#       - do: Save the firewall rules as they are now
#         run: az sql server firewall-rule list --server {{values.name}} --resource-group {{values.resource_group_name}}
#       - do: Record where auditing writes (login and query audit for the window)
#         run: az sql server audit-policy show --name {{values.name}} --resource-group {{values.resource_group_name}}
#       - do: Export the control-plane changes in the exposure window
#         run: az monitor activity-log list --resource-group {{values.resource_group_name}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Turn off public network access (private endpoints keep working)
#         run: az sql server update --name {{values.name}} --resource-group {{values.resource_group_name}} --enable-public-network false
#     verify:
#       - do: publicNetworkAccess reads Disabled
#         run: az sql server show --name {{values.name}} --resource-group {{values.resource_group_name}} --query publicNetworkAccess
#   example: |
#     resource "azurerm_mssql_server" "shop" {
#       name                          = "shop-sql"
#       resource_group_name           = azurerm_resource_group.shop.name
#       location                      = azurerm_resource_group.shop.location
#       version                       = "12.0"
#       minimum_tls_version           = "1.2"
#       public_network_access_enabled = false # connect through an azurerm_private_endpoint
#       azuread_administrator {
#         login_username              = "sql-admins"
#         object_id                   = var.sql_admins_group_id
#         azuread_authentication_only = true
#       }
#     }
package leakguard.rules.azure.sql.public_network

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

deny contains finding.new(rego.metadata.chain(), s, msg) if {
	some s in resources.of_type("azurerm_mssql_server")
	object.get(s.values, "public_network_access_enabled", true) != false
	msg := message(s)
}

message(s) := sprintf("SQL server %s has public network access unknown at plan time", [s.address]) if resources.unknown_at(s, "public_network_access_enabled")

message(s) := sprintf("SQL server %s accepts connections from public networks", [s.address]) if not resources.unknown_at(s, "public_network_access_enabled")

deny contains finding.new(rego.metadata.chain(), s, msg) if {
	some s in resources.of_type("azurerm_sql_server")
	msg := sprintf("SQL server %s (legacy azurerm_sql_server) cannot disable public network access", [s.address])
}
