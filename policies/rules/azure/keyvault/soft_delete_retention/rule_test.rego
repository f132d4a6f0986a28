package leakguard.rules.azure.keyvault.soft_delete_retention_test

import data.leakguard.rules.azure.keyvault.soft_delete_retention as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

vault(values) := k.az("azurerm_key_vault.kv", values, {})

failing_input := t.with_index([vault({"soft_delete_retention_days": 5})])

test_short_retention_fails if {
	k.summary(rule.deny) == {["azure-keyvault-soft-delete-retention", "test/azurerm_key_vault.kv", "Key Vault azurerm_key_vault.kv keeps deleted objects 5 days (minimum 7)"]} with input as failing_input
}

test_default_passes if {
	count(rule.deny) == 0 with input as t.with_index([vault({})])
	count(rule.deny) == 0 with input as t.with_index([vault({"soft_delete_retention_days": 90})])
}

test_unknown_fails if {
	count(rule.deny) == 1 with input as t.with_index([k.unknown(vault({}), ["soft_delete_retention_days"])])
}
