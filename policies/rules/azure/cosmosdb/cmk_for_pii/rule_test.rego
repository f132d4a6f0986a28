package leakguard.rules.azure.cosmosdb.cmk_for_pii_test

import data.leakguard.rules.azure.cosmosdb.cmk_for_pii as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

account(values, refs) := k.tagged(k.az("azurerm_cosmosdb_account.customers", values, refs), {"data-classification": "pii"})

failing_input := t.with_index([account({}, {})])

test_pii_without_cmk_fails if {
	k.summary(rule.deny) == {["azure-cosmosdb-cmk-pii", "test/azurerm_cosmosdb_account.customers", "Cosmos DB account azurerm_cosmosdb_account.customers holds pii data but is not encrypted with a customer-managed key"]} with input as failing_input
}

test_key_literal_reference_or_hsm_passes if {
	count(rule.deny) == 0 with input as t.with_index([account({"key_vault_key_id": "https://kv.vault.azure.net/keys/cosmos"}, {})])
	count(rule.deny) == 0 with input as t.with_index([k.unknown(account({}, {"key_vault_key_id": ["azurerm_key_vault_key.cosmos"]}), ["key_vault_key_id"])])
	count(rule.deny) == 0 with input as t.with_index([account({"managed_hsm_key_id": "https://hsm.managedhsm.azure.net/keys/cosmos"}, {})])
}

test_non_pii_needs_no_cmk if {
	count(rule.deny) == 0 with input as t.with_index([k.tagged(account({}, {}), {"data-classification": "internal"})])
}
