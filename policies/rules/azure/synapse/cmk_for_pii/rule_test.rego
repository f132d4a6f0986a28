package leakguard.rules.azure.synapse.cmk_for_pii_test

import data.leakguard.rules.azure.synapse.cmk_for_pii as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

workspace(values, refs) := k.tagged(k.az("azurerm_synapse_workspace.customers", values, refs), {"data-classification": "pii"})

failing_input := t.with_index([workspace({}, {})])

test_pii_without_cmk_fails if {
	k.summary(rule.deny) == {["azure-synapse-cmk-pii", "test/azurerm_synapse_workspace.customers", "Synapse workspace azurerm_synapse_workspace.customers holds pii data but is not encrypted with a customer-managed key"]} with input as failing_input
}

test_cmk_passes if {
	count(rule.deny) == 0 with input as t.with_index([workspace({"customer_managed_key": [{"key_versionless_id": "https://kv.vault.azure.net/keys/synapse"}]}, {})])
	count(rule.deny) == 0 with input as t.with_index([k.unknown(workspace({"customer_managed_key": [{}]}, {"customer_managed_key.key_versionless_id": ["azurerm_key_vault_key.s"]}), ["customer_managed_key.key_versionless_id"])])
	count(rule.deny) == 0 with input as t.with_index([k.tagged(workspace({}, {}), {"data-classification": "public"})])
}
