# METADATA
# title: PII Cosmos DB account keeps backups for less than the minimum
# description: |
#   A Cosmos DB account classified as personal information must be restorable to a point at
#   least backup_retention_days back. Without a backup block Azure takes periodic backups every
#   240 minutes and keeps each for 8 hours (retention_in_hours, at most 720), so a deletion
#   noticed the next day cannot be undone; continuous backup restores any point within its
#   tier (Continuous7Days: 7 days, Continuous30Days: 30 days, Azure's tier when none is given).
#   Periodic backups must be kept backup_retention_days × 24 hours, continuous backups need a
#   tier that long. AzAPI accounts are read from properties.backupPolicy.
#   Unknowns: a backup block, type, tier or retention unknown at plan time or given by an
#   expression the tool cannot evaluate is not proven and is reported.
# custom:
#   id: azure-cosmosdb-backup-pii
#   control: backup-protection
#   cloud: azure
#   severity: medium
#   data_stores:
#     check: backups
#     types: [azurerm_cosmosdb_account]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Business continuity and disaster recovery (backups)
#   remediation: |
#     Add backup { type = "Continuous", tier = "Continuous30Days" } (a one-way migration), or
#     keep periodic backups retention_in_hours = backup_retention_days × 24 (at most 720).
#   construct: HardenedCosmosAccount
#   runbook:
#     exposure: Deleted or corrupted customer documents can be restored only from the last few hours of backups
#     preserve:
#       - do: Record the account's backup policy
#         run: az cosmosdb show --name {{values.name}} --resource-group {{values.resource_group_name}} --query backupPolicy
#       - do: List the restorable points the account has now (continuous accounts)
#         run: az cosmosdb restorable-database-account list --account-name {{values.name}}
#     contain:
#       - do: Keep periodic backups for the longest periodic retention (720 hours) until the account moves to continuous backup
#         run: az cosmosdb update --name {{values.name}} --resource-group {{values.resource_group_name}} --backup-retention 720
#     verify:
#       - do: backupPolicy.periodicModeProperties.backupRetentionIntervalInHours reads 720
#         run: az cosmosdb show --name {{values.name}} --resource-group {{values.resource_group_name}} --query backupPolicy
#   example: |
#     resource "azurerm_cosmosdb_account" "carts" {
#       name                          = "cosmos-shop-carts"
#       location                      = azurerm_resource_group.shop.location
#       resource_group_name           = azurerm_resource_group.shop.name
#       offer_type                    = "Standard"
#       public_network_access_enabled = false
#       tags                          = { "data-classification" = "pii" }
#       consistency_policy {
#         consistency_level = "Session"
#       }
#       geo_location {
#         location          = azurerm_resource_group.shop.location
#         failover_priority = 0
#       }
#       backup {
#         type = "Continuous"
#         tier = "Continuous30Days"
#       }
#     }
package leakguard.rules.azure.cosmosdb.backup_pii

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

min_days := config.settings.backup_retention_days

# Azure's periodic retention when none is written, in hours.
default_periodic_hours := 8

tier_days := {"Continuous7Days": 7, "Continuous30Days": 30}

deny contains finding.new(rego.metadata.chain(), a, msg) if {
	some a in resources.of_type("azurerm_cosmosdb_account")
	resources.is_pii(a)
	msg := sprintf("Cosmos DB account %s holds %s data but %s", [a.address, resources.classification(a), problem(a)])
}

backup(a) := b if {
	some b in resources.blocks_at(a, "backup")
} else := {}

kind(a) := object.get(backup(a), "type", "Periodic")

problem(a) := "its backup policy is unknown at plan time" if {
	some path in ["backup", "backup.type", "backup.tier", "backup.retention_in_hours"]
	resources.unverifiable(a, path)
} else := sprintf("keeps periodic backups %d hours (%s; minimum %d days = %d hours)", [h, periodic_source(a), min_days, min_days * 24]) if {
	kind(a) == "Periodic"
	h := object.get(backup(a), "retention_in_hours", default_periodic_hours)
	is_number(h)
	h < min_days * 24
} else := sprintf("restores continuous backups only %d days back (%s; minimum %d)", [d, tier, min_days]) if {
	kind(a) == "Continuous"
	tier := object.get(backup(a), "tier", "Continuous30Days")
	d := tier_days[tier]
	d < min_days
}

periodic_source(a) := "no backup block, Azure's default" if count(resources.blocks_at(a, "backup")) == 0

periodic_source(a) := "retention_in_hours" if count(resources.blocks_at(a, "backup")) > 0
