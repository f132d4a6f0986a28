package leakguard.rules.azure.cosmosdb.min_tls_test

import data.leakguard.rules.azure.cosmosdb.min_tls as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

account(values) := k.az("azurerm_cosmosdb_account.carts", values, {})

failing_input := t.with_index([account({"minimal_tls_version": "Tls"})])

test_tls10_fails if {
	k.summary(rule.deny) == {["azure-cosmosdb-min-tls", "test/azurerm_cosmosdb_account.carts", "Cosmos DB account azurerm_cosmosdb_account.carts accepts Tls; set minimal_tls_version = \"Tls12\""]} with input as failing_input
}

test_default_and_tls12_pass if {
	count(rule.deny) == 0 with input as t.with_index([account({})])
	count(rule.deny) == 0 with input as t.with_index([account({"minimal_tls_version": "Tls12"})])
}

test_unknown_is_reported if {
	k.summary(rule.deny) == {["azure-cosmosdb-min-tls", "test/azurerm_cosmosdb_account.carts", "Cosmos DB account azurerm_cosmosdb_account.carts has minimal_tls_version unknown at plan time; TLS 1.2 cannot be shown"]} with input as t.with_index([k.unknown(account({}), ["minimal_tls_version"])])
}
