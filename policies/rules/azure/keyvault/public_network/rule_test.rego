package leakguard.rules.azure.keyvault.public_network_test

import data.leakguard.rules.azure.keyvault.public_network as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

vault(values) := k.az("azurerm_key_vault.kv", values, {})

failing_input := t.with_index([vault({})])

test_default_fails if {
	k.summary(rule.deny) == {["azure-keyvault-public-network", "test/azurerm_key_vault.kv", "Key Vault azurerm_key_vault.kv is reachable from public networks (public_network_access_enabled is not false)"]} with input as failing_input
}

test_disabled_passes if {
	count(rule.deny) == 0 with input as t.with_index([vault({"public_network_access_enabled": false})])
}

test_unknown_fails if {
	count(rule.deny) == 1 with input as t.with_index([k.unknown(vault({}), ["public_network_access_enabled"])])
}
