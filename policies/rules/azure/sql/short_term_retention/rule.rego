# METADATA
# title: SQL database short-term backup retention below minimum
# description: |
#   Point-in-time restore needs short_term_retention_policy.retention_days (provider
#   default 7) of at least backup_retention_days.
#   Unknowns: a retention unknown at plan time is not proven and is reported.
# custom:
#   id: azure-sql-short-term-retention
#   control: backup-protection
#   cloud: azure
#   severity: medium
#   data_stores:
#     check: backups
#     types: [azurerm_mssql_server]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Business continuity and disaster recovery (backups)
#   remediation: |
#     Add short_term_retention_policy { retention_days = <backup_retention_days or more> }.
#   construct: HardenedSqlDatabase
#   fix:
#     summary: Keep point-in-time backups for the configured minimum (the smallest weekly multiple at or above it)
#     edits:
#       - nested: short_term_retention_policy
#         set: { retention_days: { smallest_of: [7, 14, 21, 28, 35], at_least: backup_retention_days } }
#     cdktf:
#       option: "shortTermRetentionDays (at least minShortTermRetentionDays; default max(14, the minimum))"
#       snippet: |
#         new HardenedSqlDatabase(this, 'orders', { server: sqlServer, name: 'orders', shortTermRetentionDays: 14 });
#   runbook:
#     exposure: Point-in-time restore reaches back only a few days; a mistake or an attack noticed later cannot be undone
#     preserve:
#       - do: Record the database's short-term retention
#         run: az sql db str-policy show --name {{values.name}} --server {{via.server_id.name|fill.server-name}} --resource-group {{via.server_id.resource_group_name|fill.resource-group}}
#       - do: Copy the database now as a restore point
#         run: az sql db copy --name {{values.name}} --server {{via.server_id.name|fill.server-name}} --resource-group {{via.server_id.resource_group_name|fill.resource-group}} --dest-name {{values.name}}-leakguard-evidence
#     contain:
#       - do: Raise the retention to the configured minimum
#         run: az sql db str-policy set --name {{values.name}} --server {{via.server_id.name|fill.server-name}} --resource-group {{via.server_id.resource_group_name|fill.resource-group}} --retention-days {{fill.retention-days}}
#     verify:
#       - do: retentionDays reads the new value
#         run: az sql db str-policy show --name {{values.name}} --server {{via.server_id.name|fill.server-name}} --resource-group {{via.server_id.resource_group_name|fill.resource-group}} --query retentionDays
#   example: |
#     resource "azurerm_mssql_database" "orders" {
#       name      = "orders"
#       server_id = azurerm_mssql_server.shop.id
#       sku_name  = "S1"
#
#       short_term_retention_policy {
#         retention_days           = 14 # at least backup_retention_days
#         backup_interval_in_hours = 12
#       }
#     }
package leakguard.rules.azure.sql.short_term_retention

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

min_days := config.settings.backup_retention_days

provider_default := 7

days(db) := d if {
	[d] := resources.values_at(db, "short_term_retention_policy.retention_days")
} else := provider_default

deny contains finding.new(rego.metadata.chain(), db, msg) if {
	some db in resources.of_type("azurerm_mssql_database")
	msg := message(db)
}

message(db) := sprintf("SQL database %s keeps point-in-time backups %d days (minimum %d)", [db.address, days(db), min_days]) if {
	not resources.unknown_at(db, "short_term_retention_policy.retention_days")
	days(db) < min_days
}

message(db) := sprintf("SQL database %s has a short-term retention unknown at plan time", [db.address]) if {
	resources.unknown_at(db, "short_term_retention_policy.retention_days")
}
