package leakguard.rules.azure.cosmosdb.local_auth_test

import data.leakguard.rules.azure.cosmosdb.local_auth as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

account(values) := k.az("azurerm_cosmosdb_account.carts", values, {})

failing_input := t.with_index([account({})])

test_keys_on_by_default_fails if {
	k.summary(rule.deny) == {["azure-cosmosdb-local-auth", "test/azurerm_cosmosdb_account.carts", "Cosmos DB account azurerm_cosmosdb_account.carts accepts its account keys (local_authentication_disabled is not true)"]} with input as failing_input
}

test_disabled_passes if {
	count(rule.deny) == 0 with input as t.with_index([account({"local_authentication_disabled": true})])
}

test_unknown_is_reported if {
	k.summary(rule.deny) == {["azure-cosmosdb-local-auth", "test/azurerm_cosmosdb_account.carts", "Cosmos DB account azurerm_cosmosdb_account.carts has local_authentication_disabled unknown at plan time; key-based access cannot be shown off"]} with input as t.with_index([account({"local_authentication_disabled": "${var.keys_off}"})])
}
