package leakguard.rules.azure.sql.long_term_retention_test

import data.leakguard.rules.azure.sql.long_term_retention as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

db(values) := k.az("azurerm_mssql_database.orders", values, {})

failing_input := t.with_index([db({"long_term_retention_policy": [{"weekly_retention": "PT0S"}]})])

test_no_ltr_fails if {
	k.summary(rule.deny) == {["azure-sql-long-term-retention", "test/azurerm_mssql_database.orders", "SQL database azurerm_mssql_database.orders has no long-term backup retention"]} with input as failing_input
	count(rule.deny) == 1 with input as t.with_index([db({})])
}

test_ltr_passes if {
	count(rule.deny) == 0 with input as t.with_index([db({"long_term_retention_policy": {"monthly_retention": "P12M"}})])
}

test_unknown_fails if {
	k.summary(rule.deny) == {["azure-sql-long-term-retention", "test/azurerm_mssql_database.orders", "SQL database azurerm_mssql_database.orders has a long-term retention policy unknown at plan time"]} with input as t.with_index([k.unknown(db({}), ["long_term_retention_policy"])])
}
