package leakguard.rules.azure.storage.blob_recovery_test

import data.leakguard.rules.azure.storage.blob_recovery as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

account(values, class) := k.tagged(k.az("azurerm_storage_account.exports", object.union({"name": "stexports", "resource_group_name": "rg"}, values), {}), {"data-classification": class})

recoverable := {"blob_properties": [{"versioning_enabled": true, "delete_retention_policy": [{"days": 30}]}]}

prefix := "Storage account azurerm_storage_account.exports holds pii data but cannot recover deleted or overwritten blobs: "

test_pii_account_without_recovery_fails if {
	k.summary(rule.deny) == {["azure-storage-blob-recovery", "test/azurerm_storage_account.exports", concat("", [prefix, "blob soft delete off (no delete_retention_policy); versioning off"])]} with input as t.with_index([account({}, "pii")])
}

test_short_retention_and_no_versioning_fail if {
	short := {"blob_properties": [{"versioning_enabled": false, "delete_retention_policy": [{"days": 3}]}]}
	k.summary(rule.deny) == {["azure-storage-blob-recovery", "test/azurerm_storage_account.exports", concat("", [prefix, "deleted blobs kept 3 days (minimum 7); versioning off"])]} with input as t.with_index([account(short, "pii")])
	no_days := {"blob_properties": [{"versioning_enabled": true, "delete_retention_policy": [{}]}]}
	count(rule.deny) == 0 with input as t.with_index([account(no_days, "pii")])
	k.summary(rule.deny) == {["azure-storage-blob-recovery", "test/azurerm_storage_account.exports", concat("", [prefix, "deleted blobs kept 7 days (minimum 14)"])]} with input as t.with_index([account(no_days, "pii")]) with data.config as {"backup_retention_days": 14}
}

test_recoverable_or_exempt_accounts_pass if {
	count(rule.deny) == 0 with input as t.with_index([account(recoverable, "pii")])
	count(rule.deny) == 0 with input as t.with_index([account({}, "internal")])
	count(rule.deny) == 0 with input as t.with_index([account({"account_kind": "FileStorage"}, "pii")])
	lake := {"is_hns_enabled": true, "blob_properties": [{"delete_retention_policy": [{"days": 14}]}]}
	count(rule.deny) == 0 with input as t.with_index([account(lake, "pii")])
}

test_unknowns_are_reported if {
	k.summary(rule.deny) == {["azure-storage-blob-recovery", "test/azurerm_storage_account.exports", concat("", [prefix, "blob_properties unknown at plan time"])]} with input as t.with_index([k.unknown(account({}, "pii"), ["blob_properties"])])
	k.summary(rule.deny) == {["azure-storage-blob-recovery", "test/azurerm_storage_account.exports", concat("", [prefix, "soft delete retention unknown at plan time; versioning unknown at plan time"])]} with input as t.with_index([k.unknown(account({"blob_properties": [{"delete_retention_policy": [{}]}]}, "pii"), ["blob_properties.delete_retention_policy.days", "blob_properties.versioning_enabled"])])
}
