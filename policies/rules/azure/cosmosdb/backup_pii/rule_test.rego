package leakguard.rules.azure.cosmosdb.backup_pii_test

import data.leakguard.rules.azure.cosmosdb.backup_pii as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

account(values, class) := k.tagged(k.az("azurerm_cosmosdb_account.carts", object.union({"name": "cosmos-carts", "resource_group_name": "rg", "offer_type": "Standard"}, values), {}), {"data-classification": class})

prefix := "Cosmos DB account azurerm_cosmosdb_account.carts holds pii data but "

test_default_periodic_backup_fails if {
	k.summary(rule.deny) == {["azure-cosmosdb-backup-pii", "test/azurerm_cosmosdb_account.carts", concat("", [prefix, "keeps periodic backups 8 hours (no backup block, Azure's default; minimum 7 days = 168 hours)"])]} with input as t.with_index([account({}, "pii")])
	k.summary(rule.deny) == {["azure-cosmosdb-backup-pii", "test/azurerm_cosmosdb_account.carts", concat("", [prefix, "keeps periodic backups 48 hours (retention_in_hours; minimum 7 days = 168 hours)"])]} with input as t.with_index([account({"backup": [{"type": "Periodic", "retention_in_hours": 48}]}, "pii")])
}

test_short_continuous_tier_fails_against_a_longer_minimum if {
	seven := {"backup": [{"type": "Continuous", "tier": "Continuous7Days"}]}
	count(rule.deny) == 0 with input as t.with_index([account(seven, "pii")])
	k.summary(rule.deny) == {["azure-cosmosdb-backup-pii", "test/azurerm_cosmosdb_account.carts", concat("", [prefix, "restores continuous backups only 7 days back (Continuous7Days; minimum 14)"])]} with input as t.with_index([account(seven, "pii")]) with data.config as {"backup_retention_days": 14}
}

test_long_enough_backups_and_non_pii_pass if {
	count(rule.deny) == 0 with input as t.with_index([account({"backup": [{"type": "Continuous"}]}, "pii")])
	count(rule.deny) == 0 with input as t.with_index([account({"backup": [{"type": "Periodic", "retention_in_hours": 720}]}, "pii")])
	count(rule.deny) == 0 with input as t.with_index([account({}, "internal")])
}

test_unknown_is_reported if {
	k.summary(rule.deny) == {["azure-cosmosdb-backup-pii", "test/azurerm_cosmosdb_account.carts", concat("", [prefix, "its backup policy is unknown at plan time"])]} with input as t.with_index([k.unknown(account({"backup": [{"type": "Periodic"}]}, "pii"), ["backup.retention_in_hours"])])
}
