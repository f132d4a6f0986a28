package leakguard.rules.azure.storage.infrastructure_encryption_test

import data.leakguard.rules.azure.storage.infrastructure_encryption as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

account(values) := k.az("azurerm_storage_account.sa", object.union({"name": "shopdata"}, values), {})

failing_input := t.with_index([account({})])

test_default_fails if {
	k.summary(rule.deny) == {[
		"azure-storage-infrastructure-encryption", "test/azurerm_storage_account.sa",
		"Storage account azurerm_storage_account.sa does not enable infrastructure encryption",
	]} with input as failing_input
}

test_enabled_passes if {
	count(rule.deny) == 0 with input as t.with_index([account({"infrastructure_encryption_enabled": true})])
}

test_unknown_fails if {
	k.summary(rule.deny) == {[
		"azure-storage-infrastructure-encryption", "test/azurerm_storage_account.sa",
		"Storage account azurerm_storage_account.sa has infrastructure_encryption_enabled unknown at plan time",
	]} with input as t.with_index([k.unknown(account({}), ["infrastructure_encryption_enabled"])])
}
