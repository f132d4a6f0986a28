package leakguard.rules.azure.storage.network_default_deny_test

import data.leakguard.rules.azure.storage.network_default_deny as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

account(values) := k.az("azurerm_storage_account.sa", object.union({"name": "shopdata"}, values), {})

failing_input := t.with_index([account({"network_rules": [{"default_action": "Allow"}]})])

test_allow_default_fails if {
	k.summary(rule.deny) == {[
		"azure-storage-network-deny", "test/azurerm_storage_account.sa",
		"Storage account azurerm_storage_account.sa accepts traffic from any network (public network access on, no network rules with default_action Deny)",
	]} with input as failing_input
}

test_deny_default_passes if {
	count(rule.deny) == 0 with input as t.with_index([account({"network_rules": {"default_action": "Deny"}})])
}

test_public_access_off_passes if {
	count(rule.deny) == 0 with input as t.with_index([account({"public_network_access_enabled": false})])
}

test_separate_network_rules_pass if {
	n := k.az("azurerm_storage_account_network_rules.sa", {"default_action": "Deny"}, {"storage_account_id": ["azurerm_storage_account.sa"]})
	count(rule.deny) == 0 with input as t.with_index([account({}), n])
}

test_provider_computed_rules_count_as_absent if {
	count(rule.deny) == 1 with input as t.with_index([k.unknown(account({}), ["network_rules"])])
}

test_unknown_default_action_fails if {
	n := k.unknown(k.az("azurerm_storage_account_network_rules.sa", {}, {"storage_account_id": ["azurerm_storage_account.sa"]}), ["default_action"])
	k.summary(rule.deny) == {[
		"azure-storage-network-deny", "test/azurerm_storage_account.sa",
		"Storage account azurerm_storage_account.sa has network access settings unknown at plan time; it cannot be shown closed to the internet",
	]} with input as t.with_index([account({}), n])
}
