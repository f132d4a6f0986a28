package leakguard.rules.azure.rdbms.firewall_internet_test

import data.leakguard.rules.azure.rdbms.firewall_internet as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

fw(address, start, end) := k.az(address, {"start_ip_address": start, "end_ip_address": end}, {})

failing_input := t.with_index([fw("azurerm_mysql_firewall_rule.all", "0.0.0.0", "255.255.255.255")])

test_whole_internet_fails if {
	k.summary(rule.deny) == {["azure-rdbms-firewall-internet", "test/azurerm_mysql_firewall_rule.all", "azurerm_mysql_firewall_rule.all opens the database server to 4294967296 internet addresses (0.0.0.0-255.255.255.255)"]} with input as failing_input
}

test_every_engine_is_checked if {
	count(rule.deny) == 4 with input as t.with_index([
		fw("azurerm_postgresql_firewall_rule.a", "0.0.0.0", "255.255.255.255"),
		fw("azurerm_mariadb_firewall_rule.b", "10.0.0.0", "10.255.255.255"),
		fw("azurerm_postgresql_flexible_server_firewall_rule.c", "0.0.0.0", "255.255.255.255"),
		fw("azurerm_mysql_flexible_server_firewall_rule.d", "1.0.0.0", "1.1.0.0"),
	])
}

test_narrow_azure_services_and_unknown_pass if {
	count(rule.deny) == 0 with input as t.with_index([
		fw("azurerm_postgresql_flexible_server_firewall_rule.office", "203.0.113.10", "203.0.113.10"),
		fw("azurerm_mysql_flexible_server_firewall_rule.azure", "0.0.0.0", "0.0.0.0"),
		fw("azurerm_postgresql_firewall_rule.slash16", "10.1.0.0", "10.1.255.255"),
		k.unknown(k.az("azurerm_mysql_firewall_rule.u", {}, {}), ["start_ip_address", "end_ip_address"]),
	])
}

test_threshold_is_configurable if {
	count(rule.deny) == 1 with input as t.with_index([fw("azurerm_postgresql_firewall_rule.slash24", "10.1.0.0", "10.1.0.255")])
		with data.config as {"sql_firewall_max_addresses": 16}
}
