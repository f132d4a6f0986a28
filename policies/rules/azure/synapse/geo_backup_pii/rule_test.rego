package leakguard.rules.azure.synapse.geo_backup_pii_test

import data.leakguard.rules.azure.synapse.geo_backup_pii as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

workspace(class) := k.tagged(k.az("azurerm_synapse_workspace.analytics", {"name": "synw-analytics"}, {}), {"data-classification": class})

pool(values, tags) := k.tagged(k.az("azurerm_synapse_sql_pool.orders", object.union({"name": "orderspool"}, values), {"synapse_workspace_id": ["azurerm_synapse_workspace.analytics"]}), tags)

test_pii_pool_without_geo_backup_fails if {
	k.summary(rule.deny) == {["azure-synapse-geo-backup-pii", "test/azurerm_synapse_sql_pool.orders", "Synapse SQL pool azurerm_synapse_sql_pool.orders holds pii data but keeps no geo-backup (geo_backup_policy_enabled false)"]} with input as t.with_index([workspace("pii"), pool({"geo_backup_policy_enabled": false}, {})])
	k.summary(rule.deny) == {["azure-synapse-geo-backup-pii", "test/azurerm_synapse_sql_pool.orders", "Synapse SQL pool azurerm_synapse_sql_pool.orders holds pii data but keeps no geo-backup (storage_account_type LRS)"]} with input as t.with_index([workspace("internal"), pool({"storage_account_type": "LRS", "geo_backup_policy_enabled": false}, {"data-classification": "pii"})])
}

test_defaults_and_non_pii_pass if {
	count(rule.deny) == 0 with input as t.with_index([workspace("pii"), pool({}, {})])
	count(rule.deny) == 0 with input as t.with_index([workspace("internal"), pool({"geo_backup_policy_enabled": false}, {})])
}

test_unknown_is_reported if {
	k.summary(rule.deny) == {["azure-synapse-geo-backup-pii", "test/azurerm_synapse_sql_pool.orders", "Synapse SQL pool azurerm_synapse_sql_pool.orders holds pii data but its geo-backup settings are unknown at plan time"]} with input as t.with_index([workspace("pii"), k.unknown(pool({}, {}), ["geo_backup_policy_enabled"])])
}
