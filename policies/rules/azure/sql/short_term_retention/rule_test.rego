package leakguard.rules.azure.sql.short_term_retention_test

import data.leakguard.rules.azure.sql.short_term_retention as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

db(values) := k.az("azurerm_mssql_database.orders", values, {})

failing_input := t.with_index([db({"short_term_retention_policy": {"retention_days": 1}})])

test_short_fails if {
	k.summary(rule.deny) == {["azure-sql-short-term-retention", "test/azurerm_mssql_database.orders", "SQL database azurerm_mssql_database.orders keeps point-in-time backups 1 days (minimum 7)"]} with input as failing_input
}

test_default_and_longer_pass if {
	count(rule.deny) == 0 with input as t.with_index([db({})])
	count(rule.deny) == 0 with input as t.with_index([db({"short_term_retention_policy": [{"retention_days": 35}]})])
}

test_default_below_configured_minimum_fails if {
	count(rule.deny) == 1 with input as t.with_index([db({})]) with data.config as {"backup_retention_days": 14}
}

test_unknown_fails if {
	count(rule.deny) == 1 with input as t.with_index([k.unknown(db({}), ["short_term_retention_policy"])])
}
