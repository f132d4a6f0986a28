# METADATA
# title: PostgreSQL/MySQL server reachable from public networks
# description: |
#   Azure Database for PostgreSQL and MySQL servers, flexible and single server, accept
#   connections from the internet while public network access is on (the default), guarded
#   only by firewall rules and a password. Single servers (azurerm_postgresql_server,
#   azurerm_mysql_server, azurerm_mariadb_server) must set public_network_access_enabled =
#   false; flexible servers must disable it (PostgreSQL public_network_access_enabled = false,
#   MySQL public_network_access = "Disabled") or be injected into a delegated subnet.
#   Unknowns: a setting unknown at plan time or given by an expression the tool cannot
#   evaluate is not proven off and is reported.
# custom:
#   id: azure-rdbms-public-network
#   control: public-storage
#   cloud: azure
#   severity: high
#   data_stores:
#     check: public-reachability
#     types: [azurerm_postgresql_flexible_server, azurerm_postgresql_server, azurerm_mysql_flexible_server, azurerm_mysql_server]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Network monitoring and defences; segmentation
#   remediation: |
#     Disable public network access and connect through a private endpoint, or deploy the
#     flexible server into a delegated subnet (delegated_subnet_id + private_dns_zone_id).
#   construct: HardenedFlexibleServer
#   fix:
#     summary: Turn off public network access
#     edits:
#       - set: { public_network_access_enabled: false }
#     cdktf:
#       option: "HardenedFlexibleServer always turns public network access off"
#       snippet: |
#         new HardenedFlexibleServer(this, 'orders', { name: 'psql-shop-orders', resourceGroupName: rg.name, location: 'westus2', engine: 'postgres', keyVault: keys, classification: 'pii' });
#   runbook:
#     exposure: The database server answers on a public endpoint, limited only by its firewall rules and logins
#     preserve:
#       - do: Save the server's network settings as they are now
#         run: az postgres flexible-server show --name {{values.name}} --resource-group {{values.resource_group_name}}
#       - do: Save its firewall rules
#         run: az postgres flexible-server firewall-rule list --server-name {{values.name}} --resource-group {{values.resource_group_name}}
#       - do: Export the control-plane changes in the exposure window
#         run: az monitor activity-log list --resource-group {{values.resource_group_name}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Turn off public network access (MySQL flexible servers use az mysql flexible-server update)
#         run: az postgres flexible-server update --name {{values.name}} --resource-group {{values.resource_group_name}} --public-access Disabled
#     verify:
#       - do: network.publicNetworkAccess reads Disabled
#         run: az postgres flexible-server show --name {{values.name}} --resource-group {{values.resource_group_name}} --query network.publicNetworkAccess
#   example: |
#     resource "azurerm_postgresql_flexible_server" "orders" {
#       name                          = "psql-shop-orders"
#       resource_group_name           = azurerm_resource_group.shop.name
#       location                      = azurerm_resource_group.shop.location
#       version                       = "16"
#       sku_name                      = "GP_Standard_D2s_v3"
#       public_network_access_enabled = false # reached through an azurerm_private_endpoint
#       authentication {
#         active_directory_auth_enabled = true
#         password_auth_enabled         = false
#       }
#     }
package leakguard.rules.azure.rdbms.public_network

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

single_servers := ["azurerm_postgresql_server", "azurerm_mysql_server", "azurerm_mariadb_server"]

# Each server type: the attribute that turns public access off and the value that does.
flexible := {
	"azurerm_postgresql_flexible_server": ["public_network_access_enabled", false],
	"azurerm_mysql_flexible_server": ["public_network_access", "Disabled"],
}

deny contains finding.new(rego.metadata.chain(), s, message(s, "public_network_access_enabled")) if {
	some t in single_servers
	some s in resources.of_type(t)
	resources.not_false(s, "public_network_access_enabled")
}

deny contains finding.new(rego.metadata.chain(), s, message(s, attr)) if {
	some t, [attr, off] in flexible
	some s in resources.of_type(t)
	object.get(s.values, attr, null) != off
	not resources.is_set(s, "delegated_subnet_id")
}

message(s, attr) := sprintf("%s has %s unknown at plan time; public network access cannot be shown off", [s.address, attr]) if resources.unverifiable(s, attr)

message(s, attr) := sprintf("%s accepts connections from public networks (%s does not disable it)", [s.address, attr]) if not resources.unverifiable(s, attr)
