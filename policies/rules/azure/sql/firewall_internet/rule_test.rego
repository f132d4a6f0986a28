package leakguard.rules.azure.sql.firewall_internet_test

import data.leakguard.rules.azure.sql.firewall_internet as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

fw(start, end) := k.az("azurerm_mssql_firewall_rule.fw", {"start_ip_address": start, "end_ip_address": end}, {})

failing_input := t.with_index([fw("0.0.0.0", "255.255.255.255")])

test_whole_internet_fails if {
	k.summary(rule.deny) == {["azure-sql-firewall-internet", "test/azurerm_mssql_firewall_rule.fw", "azurerm_mssql_firewall_rule.fw opens the SQL server to 4294967296 internet addresses (0.0.0.0-255.255.255.255)"]} with input as failing_input
}

test_wide_range_fails if {
	k.summary(rule.deny) == {["azure-sql-firewall-internet", "test/azurerm_mssql_firewall_rule.fw", "azurerm_mssql_firewall_rule.fw opens the SQL server to 65537 internet addresses (10.0.0.0-10.1.0.0)"]} with input as t.with_index([fw("10.0.0.0", "10.1.0.0")])
}

test_narrow_range_and_azure_services_pass if {
	count(rule.deny) == 0 with input as t.with_index([fw("10.0.17.62", "10.0.17.62")])
	count(rule.deny) == 0 with input as t.with_index([fw("0.0.0.0", "0.0.0.0")])
	count(rule.deny) == 0 with input as t.with_index([fw("10.0.0.0", "10.0.255.255")])
}

test_unknown_addresses_pass if {
	count(rule.deny) == 0 with input as t.with_index([k.unknown(k.az("azurerm_mssql_firewall_rule.fw", {"start_ip_address": "0.0.0.0"}, {}), ["end_ip_address"])])
}
