package leakguard.rules.azure.cosmosdb.public_network_test

import data.leakguard.rules.azure.cosmosdb.public_network as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

account(values) := k.az("azurerm_cosmosdb_account.carts", values, {})

failing_input := t.with_index([account({})])

test_open_account_fails if {
	k.summary(rule.deny) == {["azure-cosmosdb-public-network", "test/azurerm_cosmosdb_account.carts", "Cosmos DB account azurerm_cosmosdb_account.carts accepts requests from any address (public network access on, no IP or virtual-network filter)"]} with input as failing_input
}

test_private_or_filtered_passes if {
	count(rule.deny) == 0 with input as t.with_index([account({"public_network_access_enabled": false})])
	count(rule.deny) == 0 with input as t.with_index([account({"ip_range_filter": ["203.0.113.0/24", "0.0.0.0"]})])
	count(rule.deny) == 0 with input as t.with_index([account({"ip_range_filter": "203.0.113.7,198.51.100.0/28"})])
	count(rule.deny) == 0 with input as t.with_index([account({"is_virtual_network_filter_enabled": true, "virtual_network_rule": [{"id": "/subscriptions/x/subnets/app"}]})])
}

test_internet_wide_filter_fails if {
	k.summary(rule.deny) == {["azure-cosmosdb-public-network", "test/azurerm_cosmosdb_account.carts", "Cosmos DB account azurerm_cosmosdb_account.carts admits internet-wide ranges in ip_range_filter: 0.0.0.0/0"]} with input as t.with_index([account({"ip_range_filter": ["203.0.113.7", "0.0.0.0/0"]})])
}

test_vnet_flag_without_rules_fails if {
	count(rule.deny) == 1 with input as t.with_index([account({"is_virtual_network_filter_enabled": true})])

	# A plan writes the absent blocks as [].
	count(rule.deny) == 1 with input as t.with_index([account({"is_virtual_network_filter_enabled": true, "virtual_network_rule": []})])
}

test_unknown_is_reported if {
	k.summary(rule.deny) == {["azure-cosmosdb-public-network", "test/azurerm_cosmosdb_account.carts", "Cosmos DB account azurerm_cosmosdb_account.carts has its public network access or IP filter unknown at plan time; it cannot be shown restricted"]} with input as t.with_index([k.unknown(account({}), ["ip_range_filter"])])
}
