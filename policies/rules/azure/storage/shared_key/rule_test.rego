package leakguard.rules.azure.storage.shared_key_test

import data.leakguard.rules.azure.storage.shared_key as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

account(values) := k.az("azurerm_storage_account.sa", object.union({"name": "shopdata"}, values), {})

failing_input := t.with_index([account({})])

test_default_shared_key_fails if {
	k.summary(rule.deny) == {[
		"azure-storage-shared-key", "test/azurerm_storage_account.sa",
		"Storage account azurerm_storage_account.sa allows shared-key authorization with no sas_policy capping SAS lifetime at 24 hours",
	]} with input as failing_input
}

test_disabled_passes if {
	count(rule.deny) == 0 with input as t.with_index([account({"shared_access_key_enabled": false})])
}

test_short_sas_policy_passes if {
	count(rule.deny) == 0 with input as t.with_index([account({"sas_policy": {"expiration_period": "0.08:00:00"}})])
	count(rule.deny) == 0 with input as t.with_index([account({"sas_policy": [{"expiration_period": "1.00:00:00"}]})])
}

test_long_sas_policy_fails if {
	k.summary(rule.deny) == {[
		"azure-storage-shared-key", "test/azurerm_storage_account.sa",
		"Storage account azurerm_storage_account.sa sas_policy expiration_period 7.00:00:00 exceeds 24 hours",
	]} with input as t.with_index([account({"sas_policy": {"expiration_period": "7.00:00:00"}})])
}

test_configured_lifetime_is_used if {
	count(rule.deny) == 0 with input as t.with_index([account({"sas_policy": {"expiration_period": "7.00:00:00"}})])
		with data.config as {"sas_max_lifetime_hours": 168}
}

test_unknown_flag_fails if {
	k.summary(rule.deny) == {[
		"azure-storage-shared-key", "test/azurerm_storage_account.sa",
		"Storage account azurerm_storage_account.sa has shared-key settings unknown at plan time; SAS scope cannot be shown bounded",
	]} with input as t.with_index([k.unknown(account({}), ["shared_access_key_enabled"])])
}
