package leakguard.rules.azure.sql.public_network_test

import data.leakguard.rules.azure.sql.public_network as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

server(values) := k.az("azurerm_mssql_server.sql", values, {})

failing_input := t.with_index([server({})])

test_default_fails if {
	k.summary(rule.deny) == {["azure-sql-public-network", "test/azurerm_mssql_server.sql", "SQL server azurerm_mssql_server.sql accepts connections from public networks"]} with input as failing_input
}

test_disabled_passes if {
	count(rule.deny) == 0 with input as t.with_index([server({"public_network_access_enabled": false})])
}

test_legacy_server_and_unknown_fail if {
	k.summary(rule.deny) == {["azure-sql-public-network", "test/azurerm_sql_server.old", "SQL server azurerm_sql_server.old (legacy azurerm_sql_server) cannot disable public network access"]} with input as t.with_index([k.az("azurerm_sql_server.old", {}, {})])
	k.summary(rule.deny) == {["azure-sql-public-network", "test/azurerm_mssql_server.sql", "SQL server azurerm_mssql_server.sql has public network access unknown at plan time"]} with input as t.with_index([k.unknown(server({}), ["public_network_access_enabled"])])
}
