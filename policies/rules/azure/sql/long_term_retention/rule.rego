# METADATA
# title: SQL database without long-term backup retention
# description: |
#   Point-in-time backups last at most 35 days; incidents are often found later. Each
#   azurerm_mssql_database needs a long_term_retention_policy with a weekly, monthly or
#   yearly retention (ISO-8601 period other than PT0S).
#   Unknowns: a policy unknown at plan time is not proven and is reported.
# custom:
#   id: azure-sql-long-term-retention
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
#     Add long_term_retention_policy { weekly_retention = "P12W", monthly_retention = "P12M",
#     yearly_retention = "P7Y", week_of_year = 1 }.
#   construct: HardenedSqlDatabase
#   fix:
#     summary: Keep weekly backups for 12 weeks (long-term retention policy; lengthen to your retention schedule)
#     edits:
#       - nested: long_term_retention_policy
#         set: { weekly_retention: '"P12W"' }
#     cdktf:
#       option: "longTermRetention (default weekly P12W, monthly P12M, yearly P7Y)"
#       snippet: |
#         new HardenedSqlDatabase(this, 'orders', { server: sqlServer, name: 'orders', longTermRetention: { weekly: 'P12W' } });
#   runbook:
#     exposure: Backups are kept only for the short-term window; data lost in an incident noticed later cannot be restored
#     preserve:
#       - do: Record the database's backup retention
#         run: az sql db ltr-policy show --name {{values.name}} --server {{via.server_id.name|fill.server-name}} --resource-group {{via.server_id.resource_group_name|fill.resource-group}}
#       - do: Copy the database now as a restore point
#         run: az sql db copy --name {{values.name}} --server {{via.server_id.name|fill.server-name}} --resource-group {{via.server_id.resource_group_name|fill.resource-group}} --dest-name {{values.name}}-leakguard-evidence
#     contain:
#       - do: Set a long-term retention policy
#         run: az sql db ltr-policy set --name {{values.name}} --server {{via.server_id.name|fill.server-name}} --resource-group {{via.server_id.resource_group_name|fill.resource-group}} --weekly-retention P12W --monthly-retention P12M
#     verify:
#       - do: The policy shows the retention
#         run: az sql db ltr-policy show --name {{values.name}} --server {{via.server_id.name|fill.server-name}} --resource-group {{via.server_id.resource_group_name|fill.resource-group}}
#   example: |
#     resource "azurerm_mssql_database" "orders" {
#       name      = "orders"
#       server_id = azurerm_mssql_server.shop.id
#       sku_name  = "S1"
#
#       long_term_retention_policy {
#         weekly_retention  = "P12W"
#         monthly_retention = "P12M"
#         yearly_retention  = "P7Y"
#         week_of_year      = 1
#       }
#     }
package leakguard.rules.azure.sql.long_term_retention

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

periods := ["weekly_retention", "monthly_retention", "yearly_retention"]

retained(db) if {
	some p in periods
	some v in resources.values_at(db, concat(".", ["long_term_retention_policy", p]))
	v != ""
	v != "PT0S"
}

deny contains finding.new(rego.metadata.chain(), db, msg) if {
	some db in resources.of_type("azurerm_mssql_database")
	not retained(db)
	msg := message(db)
}

message(db) := sprintf("SQL database %s has a long-term retention policy unknown at plan time", [db.address]) if {
	resources.unknown_at(db, "long_term_retention_policy")
}

message(db) := sprintf("SQL database %s has no long-term backup retention", [db.address]) if {
	not resources.unknown_at(db, "long_term_retention_policy")
}
