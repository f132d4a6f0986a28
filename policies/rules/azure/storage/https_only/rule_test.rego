package leakguard.rules.azure.storage.https_only_test

import data.leakguard.rules.azure.storage.https_only as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

account(values) := k.az("azurerm_storage_account.sa", object.union({"name": "shopdata"}, values), {})

failing_input := t.with_index([account({"https_traffic_only_enabled": false})])

test_http_allowed_fails if {
	k.summary(rule.deny) == {[
		"azure-storage-https-only", "test/azurerm_storage_account.sa",
		"Storage account azurerm_storage_account.sa accepts plain HTTP (https_traffic_only_enabled = false)",
	]} with input as failing_input
}

test_legacy_flag_false_fails if {
	count(rule.deny) == 1 with input as t.with_index([account({"enable_https_traffic_only": false})])
}

test_default_and_true_pass if {
	count(rule.deny) == 0 with input as t.with_index([account({})])
	count(rule.deny) == 0 with input as t.with_index([account({"enable_https_traffic_only": true})])
}

test_unknown_fails if {
	k.summary(rule.deny) == {[
		"azure-storage-https-only", "test/azurerm_storage_account.sa",
		"Storage account azurerm_storage_account.sa has https_traffic_only_enabled unknown at plan time; HTTPS-only cannot be shown",
	]} with input as t.with_index([k.unknown(account({}), ["https_traffic_only_enabled"])])
}
