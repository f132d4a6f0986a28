package leakguard.rules.azure.search.cmk_for_pii_test

import data.leakguard.rules.azure.search.cmk_for_pii as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

service(values) := k.tagged(k.az("azurerm_search_service.customers", values, {}), {"data-classification": "pii"})

failing_input := t.with_index([service({})])

test_pii_without_enforcement_fails if {
	k.summary(rule.deny) == {["azure-search-cmk-pii", "test/azurerm_search_service.customers", "Search service azurerm_search_service.customers holds pii data but does not enforce customer-managed keys"]} with input as failing_input
}

test_enforced_or_not_pii_passes if {
	count(rule.deny) == 0 with input as t.with_index([service({"customer_managed_key_enforcement_enabled": true})])
	count(rule.deny) == 0 with input as t.with_index([k.tagged(service({}), {"data-classification": "internal"})])
}

test_unknown_is_reported if {
	k.summary(rule.deny) == {["azure-search-cmk-pii", "test/azurerm_search_service.customers", "Search service azurerm_search_service.customers has customer_managed_key_enforcement_enabled unknown at plan time; CMK encryption cannot be shown"]} with input as t.with_index([k.unknown(service({}), ["customer_managed_key_enforcement_enabled"])])
}
