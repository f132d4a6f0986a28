# METADATA
# title: PostgreSQL/MySQL server keeps backups for less than the minimum
# description: |
#   Point-in-time restore of an Azure Database for PostgreSQL or MySQL server (flexible and
#   single server) reaches back only backup_retention_days (provider default 7, Azure allows
#   7 to 35): a deletion, a ransomware encryption or a bad migration noticed later than that
#   cannot be undone. Every server must keep its backups at least backup_retention_days (the
#   setting shared with RDS and Azure SQL). AzAPI servers are read from
#   properties.backup.backupRetentionDays.
#   Unknowns: a retention unknown at plan time or given by an expression the tool cannot
#   evaluate is not proven and is reported.
# custom:
#   id: azure-rdbms-backup-retention
#   control: backup-protection
#   cloud: azure
#   severity: medium
#   data_stores:
#     check: backups
#     types: [azurerm_postgresql_flexible_server, azurerm_postgresql_server, azurerm_mysql_flexible_server, azurerm_mysql_server]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Business continuity and disaster recovery (backups)
#   remediation: |
#     Set backup_retention_days to at least backup_retention_days (7 to 35).
#   construct: HardenedFlexibleServer
#   fix:
#     summary: Keep point-in-time backups for the configured number of days
#     edits:
#       - set: { backup_retention_days: '{{settings.backup_retention_days}}' }
#     cdktf:
#       option: "backupRetentionDays (default 14, within [7, 35])"
#       snippet: |
#         new HardenedFlexibleServer(this, 'orders', { name: 'psql-shop-orders', resourceGroupName: rg.name, location: 'westus2', engine: 'postgres', keyVault: keys, backupRetentionDays: 14 });
#   runbook:
#     exposure: Point-in-time restore reaches back only a few days; a deletion or corruption noticed later cannot be undone
#     preserve:
#       - do: Record the server's backup settings and the earliest restore point (MySQL servers use az mysql flexible-server)
#         run: az postgres flexible-server show --name {{values.name}} --resource-group {{values.resource_group_name}} --query backup
#       - do: Take an on-demand backup now, kept apart from the automatic retention window
#         run: az postgres flexible-server backup create --server-name {{values.name}} --resource-group {{values.resource_group_name}} --name leakguard-evidence
#     contain:
#       - do: Raise the retention to the configured minimum
#         run: az postgres flexible-server update --name {{values.name}} --resource-group {{values.resource_group_name}} --backup-retention {{fill.retention-days}}
#     verify:
#       - do: backup.backupRetentionDays reads the new value
#         run: az postgres flexible-server show --name {{values.name}} --resource-group {{values.resource_group_name}} --query backup.backupRetentionDays
#   example: |
#     resource "azurerm_postgresql_flexible_server" "orders" {
#       name                          = "psql-shop-orders"
#       resource_group_name           = azurerm_resource_group.shop.name
#       location                      = azurerm_resource_group.shop.location
#       version                       = "16"
#       sku_name                      = "GP_Standard_D2s_v3"
#       public_network_access_enabled = false
#       backup_retention_days         = 14 # at least backup_retention_days
#       geo_redundant_backup_enabled  = true
#     }
package leakguard.rules.azure.rdbms.backup_retention

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

server_types := ["azurerm_postgresql_flexible_server", "azurerm_postgresql_server", "azurerm_mysql_flexible_server", "azurerm_mysql_server"]

min_days := config.settings.backup_retention_days

provider_default := 7

days(s) := object.get(s.values, "backup_retention_days", provider_default)

deny contains finding.new(rego.metadata.chain(), s, msg) if {
	some t in server_types
	some s in resources.of_type(t)
	msg := message(s)
}

message(s) := sprintf("Database server %s has backup_retention_days unknown at plan time; a retention of %d days cannot be shown", [s.address, min_days]) if {
	resources.unverifiable(s, "backup_retention_days")
} else := sprintf("Database server %s keeps point-in-time backups %s days (minimum %d)", [s.address, resources.shown(days(s)), min_days]) if {
	is_number(days(s))
	days(s) < min_days
}
