package leakguard.rules.azure.rdbms.public_network_test

import data.leakguard.rules.azure.rdbms.public_network as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

failing_input := t.with_index([k.az("azurerm_postgresql_flexible_server.orders", {"name": "psql-orders"}, {})])

test_flexible_default_fails if {
	k.summary(rule.deny) == {[
		"azure-rdbms-public-network", "test/azurerm_postgresql_flexible_server.orders",
		"azurerm_postgresql_flexible_server.orders accepts connections from public networks (public_network_access_enabled does not disable it)",
	]} with input as failing_input
}

test_disabled_or_vnet_injected_passes if {
	count(rule.deny) == 0 with input as t.with_index([
		k.az("azurerm_postgresql_flexible_server.a", {"public_network_access_enabled": false}, {}),
		k.az("azurerm_mysql_flexible_server.b", {"public_network_access": "Disabled"}, {}),
		k.az("azurerm_mysql_flexible_server.c", {"delegated_subnet_id": "${azurerm_subnet.db.id}"}, {"delegated_subnet_id": ["azurerm_subnet.db"]}),
		k.az("azurerm_postgresql_server.d", {"public_network_access_enabled": false}, {}),
	])
}

test_single_servers_and_mysql_flexible_fail if {
	k.summary(rule.deny) == {
		["azure-rdbms-public-network", "test/azurerm_mysql_server.legacy", "azurerm_mysql_server.legacy accepts connections from public networks (public_network_access_enabled does not disable it)"],
		["azure-rdbms-public-network", "test/azurerm_mysql_flexible_server.m", "azurerm_mysql_flexible_server.m accepts connections from public networks (public_network_access does not disable it)"],
	} with input as t.with_index([
		k.az("azurerm_mysql_server.legacy", {"public_network_access_enabled": true}, {}),
		k.az("azurerm_mysql_flexible_server.m", {"public_network_access": "Enabled"}, {}),
	])
}

test_unknown_is_reported if {
	k.summary(rule.deny) == {["azure-rdbms-public-network", "test/azurerm_postgresql_server.p", "azurerm_postgresql_server.p has public_network_access_enabled unknown at plan time; public network access cannot be shown off"]} with input as t.with_index([k.unknown(k.az("azurerm_postgresql_server.p", {}, {}), ["public_network_access_enabled"])])
	k.summary(rule.deny) == {["azure-rdbms-public-network", "test/azurerm_postgresql_server.p", "azurerm_postgresql_server.p has public_network_access_enabled unknown at plan time; public network access cannot be shown off"]} with input as t.with_index([k.az("azurerm_postgresql_server.p", {"public_network_access_enabled": "${var.public}"}, {})])
}
