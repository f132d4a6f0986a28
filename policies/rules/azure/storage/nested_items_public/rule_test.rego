package leakguard.rules.azure.storage.nested_items_public_test

import data.leakguard.rules.azure.storage.nested_items_public as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

account(values) := k.az("azurerm_storage_account.sa", object.union({"name": "shopdata"}, values), {})

failing_input := t.with_index([account({})])

test_default_fails if {
	k.summary(rule.deny) == {[
		"azure-storage-nested-public", "test/azurerm_storage_account.sa",
		"Storage account azurerm_storage_account.sa lets containers and blobs be made public (allow_nested_items_to_be_public is not false)",
	]} with input as failing_input
}

test_explicit_true_fails if {
	count(rule.deny) == 1 with input as t.with_index([account({"allow_nested_items_to_be_public": true})])
}

test_false_passes if {
	count(rule.deny) == 0 with input as t.with_index([account({"allow_nested_items_to_be_public": false})])
}

test_legacy_flag_false_passes if {
	count(rule.deny) == 0 with input as t.with_index([account({"allow_blob_public_access": false})])
}

test_unknown_fails if {
	a := k.unknown(account({"allow_blob_public_access": false}), ["allow_nested_items_to_be_public"])
	k.summary(rule.deny) == {[
		"azure-storage-nested-public", "test/azurerm_storage_account.sa",
		"Storage account azurerm_storage_account.sa has allow_nested_items_to_be_public unknown at plan time; anonymous blob access cannot be ruled out",
	]} with input as t.with_index([a])
}
