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

	# A plan writes the absent inline block as [].
	count(rule.deny) == 0 with input as t.with_index([account({"network_rules": []}), n])
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

test_internet_ip_rule_under_deny_fails if {
	inline := account({"network_rules": [{"default_action": "Deny", "ip_rules": ["203.0.113.0/24", "0.0.0.0/0"]}]})
	separate := k.az("azurerm_storage_account_network_rules.sa", {"default_action": "Deny", "ip_rules": ["0.0.0.0/1"]}, {"storage_account_id": ["azurerm_storage_account.sa"]})
	k.summary(rule.deny) == {[
		"azure-storage-network-deny", "test/azurerm_storage_account.sa",
		"Storage account azurerm_storage_account.sa denies by default but its ip_rules allow the internet (0.0.0.0/0)",
	]} with input as t.with_index([inline])
	k.summary(rule.deny) == {[
		"azure-storage-network-deny", "test/azurerm_storage_account.sa",
		"Storage account azurerm_storage_account.sa denies by default but its ip_rules allow the internet (0.0.0.0/1)",
	]} with input as t.with_index([account({}), separate])
}

test_narrow_ip_rules_under_deny_pass if {
	n := k.az("azurerm_storage_account_network_rules.sa", {"default_action": "Deny", "ip_rules": ["203.0.113.0/24", "198.51.100.7", "10.0.0.0/16"]}, {"storage_account_id": ["azurerm_storage_account.sa"]})
	count(rule.deny) == 0 with input as t.with_index([account({}), n])
}

# Guards checked on their own: the account lives in another stack, module or state.

orphan(values) := k.az("azurerm_storage_account_network_rules.sa", values, {})

id := "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/elsewhere"

test_rules_without_their_account_allowing_fail_on_themselves if {
	k.summary(rule.deny) == {[
		"azure-storage-network-deny", "test/azurerm_storage_account_network_rules.sa",
		"Network rules azurerm_storage_account_network_rules.sa (for storage account elsewhere not in this input) have default_action Allow, so the account accepts traffic from any network",
	]} with input as t.with_index([orphan({"storage_account_id": id, "default_action": "Allow"})])
}

test_rules_without_their_account_opening_the_internet_fail if {
	k.summary(rule.deny) == {[
		"azure-storage-network-deny", "test/azurerm_storage_account_network_rules.sa",
		"Network rules azurerm_storage_account_network_rules.sa (for storage account elsewhere not in this input) deny by default but their ip_rules allow the internet (*, 0.0.0.0/0)",
	]} with input as t.with_index([orphan({"storage_account_name": "elsewhere", "default_action": "Deny", "ip_rules": ["0.0.0.0/0", "*"]})])
}

test_rules_without_their_account_unknown_or_unset_fail if {
	k.summary(rule.deny) == {[
		"azure-storage-network-deny", "test/azurerm_storage_account_network_rules.sa",
		"Network rules azurerm_storage_account_network_rules.sa (for a storage account not in this input) have a default_action unknown at plan time; the account cannot be shown closed to the internet",
	]} with input as t.with_index([k.unknown(orphan({}), ["default_action", "storage_account_id"])])
	k.summary(rule.deny) == {[
		"azure-storage-network-deny", "test/azurerm_storage_account_network_rules.sa",
		"Network rules azurerm_storage_account_network_rules.sa (for a storage account not in this input) have default_action unset, so the account accepts traffic from any network",
	]} with input as t.with_index([orphan({})])
}

test_closed_rules_without_their_account_pass if {
	count(rule.deny) == 0 with input as t.with_index([orphan({"storage_account_id": id, "default_action": "Deny", "ip_rules": ["203.0.113.10"]})])
}

test_open_rules_with_their_account_report_only_the_account if {
	by_ref := k.az("azurerm_storage_account_network_rules.sa", {"default_action": "Allow"}, {"storage_account_id": ["azurerm_storage_account.sa"]})
	by_id := orphan({"storage_account_id": replace(id, "elsewhere", "shopdata"), "default_action": "Allow"})
	every n in [by_ref, by_id] {
		{f.resource.key | some f in rule.deny} == {"test/azurerm_storage_account.sa"} with input as t.with_index([account({}), n])
	}
}

test_rules_naming_the_account_by_id_close_it if {
	count(rule.deny) == 0 with input as t.with_index([account({}), orphan({"storage_account_id": replace(id, "elsewhere", "shopdata"), "default_action": "Deny"})])
}
