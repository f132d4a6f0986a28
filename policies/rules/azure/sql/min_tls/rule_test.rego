package leakguard.rules.azure.sql.min_tls_test

import data.leakguard.rules.azure.sql.min_tls as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

server(values) := k.az("azurerm_mssql_server.orders", object.union({"name": "sql-orders", "version": "12.0"}, values), {})

test_old_tls_fails if {
	k.summary(rule.deny) == {["azure-sql-min-tls", "test/azurerm_mssql_server.orders", "SQL server azurerm_mssql_server.orders accepts TLS 1.1; set minimum_tls_version = \"1.2\""]} with input as t.with_index([server({"minimum_tls_version": "1.1"})])
	count(rule.deny) == 1 with input as t.with_index([server({"minimum_tls_version": "1.0"})])
	k.summary(rule.deny) == {["azure-sql-min-tls", "test/azurerm_mssql_server.orders", "SQL server azurerm_mssql_server.orders accepts every TLS version (minimum_tls_version Disabled); set minimum_tls_version = \"1.2\""]} with input as t.with_index([server({"minimum_tls_version": "Disabled"})])
}

test_default_and_tls12_pass if {
	count(rule.deny) == 0 with input as t.with_index([server({})])
	count(rule.deny) == 0 with input as t.with_index([server({"minimum_tls_version": "1.2"})])
	count(rule.deny) == 0 with input as t.with_index([server({"minimum_tls_version": "1.3"})])
}

test_unknown_is_reported if {
	k.summary(rule.deny) == {["azure-sql-min-tls", "test/azurerm_mssql_server.orders", "SQL server azurerm_mssql_server.orders has minimum_tls_version unknown at plan time; TLS 1.2 cannot be shown"]} with input as t.with_index([k.unknown(server({}), ["minimum_tls_version"])])
}
