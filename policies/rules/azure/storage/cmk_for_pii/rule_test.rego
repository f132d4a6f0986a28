package leakguard.rules.azure.storage.cmk_for_pii_test

import data.leakguard.rules.azure.storage.cmk_for_pii as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

account(values) := k.tagged(k.az("azurerm_storage_account.sa", object.union({"name": "shopdata"}, values), {}), {"data-classification": "pii"})

failing_input := t.with_index([account({})])

test_pii_without_cmk_fails if {
	k.summary(rule.deny) == {[
		"azure-storage-cmk-pii", "test/azurerm_storage_account.sa",
		"Storage account azurerm_storage_account.sa holds pii data but is not encrypted with a customer-managed key",
	]} with input as failing_input
}

test_inline_cmk_passes if {
	count(rule.deny) == 0 with input as t.with_index([account({"customer_managed_key": {"key_vault_key_id": "https://kv.vault.azure.net/keys/k"}})])
}

test_cmk_by_reference_passes if {
	a := object.union(account({"customer_managed_key": [{}]}), {"references": {"customer_managed_key.key_vault_key_id": ["test/azurerm_key_vault_key.k"]}, "unknown": ["customer_managed_key.key_vault_key_id"]})
	count(rule.deny) == 0 with input as t.with_index([a])
}

test_separate_cmk_resource_passes if {
	c := k.az("azurerm_storage_account_customer_managed_key.sa", {}, {"storage_account_id": ["azurerm_storage_account.sa"]})
	count(rule.deny) == 0 with input as t.with_index([account({}), c])
}

test_public_classification_needs_no_cmk if {
	a := k.tagged(account({}), {"data-classification": "public"})
	count(rule.deny) == 0 with input as t.with_index([a])
}
