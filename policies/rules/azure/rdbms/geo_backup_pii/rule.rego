# METADATA
# title: PII database server keeps its backups in one region only
# description: |
#   An Azure Database for PostgreSQL or MySQL server (flexible and single server) classified as
#   personal information must copy its backups to the paired region
#   (geo_redundant_backup_enabled = true; the provider default is false): with locally or
#   zone-redundant backups only, a regional outage or a deletion of the region's backup
#   storage leaves no copy to restore customer records from. Azure sets geo-redundancy when
#   the server is created, so turning it on replaces the server (restore into the new one).
#   AzAPI servers are read from properties.backup.geoRedundantBackup.
#   Unknowns: a setting unknown at plan time or given by an expression the tool cannot
#   evaluate is not proven on and is reported.
# custom:
#   id: azure-rdbms-geo-backup-pii
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
#     Set geo_redundant_backup_enabled = true (a new server: restore the data into it, then
#     switch the application over).
#   construct: HardenedFlexibleServer
#   fix:
#     summary: Copy backups to the paired region (Azure applies it to a new server)
#     edits:
#       - set: { geo_redundant_backup_enabled: 'true' }
#         comment: { geo_redundant_backup_enabled: "leakguard: forces a new server; restore the data into it before switching over" }
#     cdktf:
#       option: "HardenedFlexibleServer always turns geo-redundant backups on"
#       snippet: |
#         new HardenedFlexibleServer(this, 'customers', { name: 'psql-shop-customers', resourceGroupName: rg.name, location: 'westus2', engine: 'postgres', keyVault: keys, classification: 'pii' });
#   runbook:
#     exposure: The only backups of customer records sit in one region; losing the region or its backup storage loses them
#     preserve:
#       - do: Record the server's backup settings (MySQL servers use az mysql flexible-server)
#         run: az postgres flexible-server show --name {{values.name}} --resource-group {{values.resource_group_name}} --query backup
#     contain:
#       - do: Take an on-demand backup now
#         run: az postgres flexible-server backup create --server-name {{values.name}} --resource-group {{values.resource_group_name}} --name leakguard-before-geo
#       - do: Keep a live copy in the paired region until a geo-redundant server replaces this one
#         run: az postgres flexible-server replica create --name {{values.name}}-geo --source-server {{values.name}} --resource-group {{values.resource_group_name}} --location {{fill.paired-region}}
#     verify:
#       - do: The replica lists the source server
#         run: az postgres flexible-server replica list --name {{values.name}} --resource-group {{values.resource_group_name}}
#   example: |
#     resource "azurerm_postgresql_flexible_server" "customers" {
#       name                          = "psql-shop-customers"
#       resource_group_name           = azurerm_resource_group.shop.name
#       location                      = azurerm_resource_group.shop.location
#       version                       = "16"
#       sku_name                      = "GP_Standard_D2s_v3"
#       public_network_access_enabled = false
#       backup_retention_days         = 14
#       geo_redundant_backup_enabled  = true
#       tags                          = { "data-classification" = "pii" }
#     }
package leakguard.rules.azure.rdbms.geo_backup_pii

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

server_types := ["azurerm_postgresql_flexible_server", "azurerm_postgresql_server", "azurerm_mysql_flexible_server", "azurerm_mysql_server"]

deny contains finding.new(rego.metadata.chain(), s, msg) if {
	some t in server_types
	some s in resources.of_type(t)
	resources.is_pii(s)
	msg := message(s)
}

message(s) := sprintf("Database server %s holds %s data and has geo_redundant_backup_enabled unknown at plan time; a copy in the paired region cannot be shown", [s.address, resources.classification(s)]) if {
	resources.unverifiable(s, "geo_redundant_backup_enabled")
} else := sprintf("Database server %s holds %s data but keeps its backups in one region (geo_redundant_backup_enabled %s)", [s.address, resources.classification(s), resources.flag_state(s, "geo_redundant_backup_enabled", false)]) if {
	object.get(s.values, "geo_redundant_backup_enabled", false) != true
}
