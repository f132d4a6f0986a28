package leakguard.rules.azure.keyvault.purge_protection_test

import data.leakguard.rules.azure.keyvault.purge_protection as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

vault(values) := k.az("azurerm_key_vault.kv", values, {})

failing_input := t.with_index([vault({})])

test_default_fails if {
	k.summary(rule.deny) == {["azure-keyvault-purge-protection", "test/azurerm_key_vault.kv", "Key Vault azurerm_key_vault.kv does not enable purge protection"]} with input as failing_input
}

test_enabled_passes if {
	count(rule.deny) == 0 with input as t.with_index([vault({"purge_protection_enabled": true})])
}

test_unknown_fails if {
	k.summary(rule.deny) == {["azure-keyvault-purge-protection", "test/azurerm_key_vault.kv", "Key Vault azurerm_key_vault.kv has purge protection unknown at plan time"]} with input as t.with_index([k.unknown(vault({}), ["purge_protection_enabled"])])
}
