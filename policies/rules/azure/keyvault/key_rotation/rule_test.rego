package leakguard.rules.azure.keyvault.key_rotation_test

import data.leakguard.rules.azure.keyvault.key_rotation as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

key(values) := k.az("azurerm_key_vault_key.orders", object.union({"name": "orders-cmk", "key_type": "RSA-HSM"}, values), {})

failing_input := t.with_index([key({})])

test_key_without_rotation_or_expiry_fails if {
	k.summary(rule.deny) == {[
		"azure-keyvault-key-rotation", "test/azurerm_key_vault_key.orders",
		"Key Vault key azurerm_key_vault_key.orders: it does not rotate automatically (rotation_policy.automatic); it never expires (rotation_policy.expire_after or expiration_date)",
	]} with input as failing_input
}

test_rotation_without_expiry_fails if {
	k.summary(rule.deny) == {["azure-keyvault-key-rotation", "test/azurerm_key_vault_key.orders", "Key Vault key azurerm_key_vault_key.orders: it never expires (rotation_policy.expire_after or expiration_date)"]} with input as t.with_index([key({"rotation_policy": [{"automatic": [{"time_before_expiry": "P30D"}]}]})])
}

test_rotating_expiring_key_passes if {
	count(rule.deny) == 0 with input as t.with_index([key({"rotation_policy": [{"expire_after": "P2Y", "automatic": [{"time_after_creation": "P1Y"}]}]})])
	count(rule.deny) == 0 with input as t.with_index([key({"expiration_date": "2027-12-31T00:00:00Z", "rotation_policy": {"automatic": {"time_after_creation": "P1Y"}}})])
}

test_unknown_rotation_policy_fails if {
	k.summary(rule.deny) == {["azure-keyvault-key-rotation", "test/azurerm_key_vault_key.orders", "Key Vault key azurerm_key_vault_key.orders: its rotation policy is unknown at plan time"]} with input as t.with_index([k.unknown(key({}), ["rotation_policy"])])
}
