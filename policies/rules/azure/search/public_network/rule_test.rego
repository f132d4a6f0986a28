package leakguard.rules.azure.search.public_network_test

import data.leakguard.rules.azure.search.public_network as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

service(values) := k.az("azurerm_search_service.catalog", values, {})

failing_input := t.with_index([service({"sku": "standard"})])

test_open_service_fails if {
	k.summary(rule.deny) == {["azure-search-public-network", "test/azurerm_search_service.catalog", "Search service azurerm_search_service.catalog accepts requests from any address (public network access on, no allowed_ips)"]} with input as failing_input
}

test_private_or_listed_passes if {
	count(rule.deny) == 0 with input as t.with_index([service({"public_network_access_enabled": false})])
	count(rule.deny) == 0 with input as t.with_index([service({"allowed_ips": ["203.0.113.7", "198.51.100.0/24"]})])
}

test_wide_and_unknown_fail if {
	k.summary(rule.deny) == {["azure-search-public-network", "test/azurerm_search_service.catalog", "Search service azurerm_search_service.catalog admits internet-wide ranges in allowed_ips: 0.0.0.0/1"]} with input as t.with_index([service({"allowed_ips": ["0.0.0.0/1"]})])
	k.summary(rule.deny) == {["azure-search-public-network", "test/azurerm_search_service.catalog", "Search service azurerm_search_service.catalog has its public network access or allowed_ips unknown at plan time; it cannot be shown restricted"]} with input as t.with_index([k.unknown(service({}), ["allowed_ips"])])
}
