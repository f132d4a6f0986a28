package leakguard.rules.azure.tagging.data_classification_test

import data.leakguard.rules.azure.tagging.data_classification as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

account(tags) := k.tagged(k.az("azurerm_storage_account.sa", {}, {}), tags)

failing_input := t.with_index([account({"environment": "staging"})])

test_missing_tags_fail if {
	k.summary(rule.deny) == {["azure-data-classification-tags", "test/azurerm_storage_account.sa", "Data store azurerm_storage_account.sa is not classified and owned: missing tag data-classification; missing tag owner"]} with input as failing_input
}

test_complete_tags_pass if {
	count(rule.deny) == 0 with input as t.with_index([account({"data-classification": "Internal", "owner": "shop", "environment": "dev"})])
}

test_unknown_tags_fail if {
	count(rule.deny) == 1 with input as t.with_index([k.unknown(k.az("azurerm_key_vault.kv", {}, {}), ["tags"])])
}

test_configured_types_and_values if {
	count(rule.deny) == 0 with input as failing_input with data.config as {"azure_data_resource_types": ["azurerm_key_vault"]}
	count(rule.deny) == 0 with input as t.with_index([account({"data-classification": "restricted", "owner": "o", "environment": "e"})]) with data.config as {"allowed_classifications": ["restricted"]}
}
