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

# An address set from another resource (a plan) or a variable without a value (unlinked):
# the range cannot be read, and is reported as not verifiable.
configured_unknown(values, unknown, refs, unlinked) := object.union(
	k.unknown(k.az("azurerm_mssql_firewall_rule.x", values, refs), unknown),
	{"unlinked": unlinked},
)

test_configured_unknown_address_cannot_be_verified if {
	k.summary(rule.deny) == {["azure-sql-firewall-internet", "test/azurerm_mssql_firewall_rule.x", "azurerm_mssql_firewall_rule.x has end_ip_address unknown at plan time; that it does not open the SQL server to the internet cannot be verified"]} with input as t.with_index([configured_unknown({"start_ip_address": "0.0.0.0"}, ["end_ip_address"], {"end_ip_address": ["terraform_data.elsewhere"]}, [])])
	k.summary(rule.deny) == {["azure-sql-firewall-internet", "test/azurerm_mssql_firewall_rule.x", "azurerm_mssql_firewall_rule.x has start_ip_address and end_ip_address unknown at plan time; that it does not open the SQL server to the internet cannot be verified"]} with input as t.with_index([configured_unknown({}, ["end_ip_address", "start_ip_address"], {}, ["end_ip_address", "start_ip_address"])])
	count(rule.deny) == 1 with input as t.with_index([k.az("azurerm_mssql_firewall_rule.x", {"start_ip_address": "${var.from}", "end_ip_address": "255.255.255.255"}, {})])
}

# The known end bounds every range below the limit (whatever the start), or the known start
# does (whatever the end); start and end the same public IP are one address.
test_bounded_or_single_address_unknown_passes if {
	count(rule.deny) == 0 with input as t.with_index([configured_unknown({"end_ip_address": "0.0.255.255"}, ["start_ip_address"], {}, ["start_ip_address"])])
	count(rule.deny) == 0 with input as t.with_index([configured_unknown({"start_ip_address": "255.255.0.1"}, ["end_ip_address"], {"end_ip_address": ["terraform_data.elsewhere"]}, [])])
	count(rule.deny) == 1 with input as t.with_index([configured_unknown({"end_ip_address": "0.1.0.0"}, ["start_ip_address"], {}, ["start_ip_address"])])
	pip := k.az("azurerm_public_ip.office", {}, {})
	one := configured_unknown({}, ["end_ip_address", "start_ip_address"], {"start_ip_address": ["azurerm_public_ip.office"], "end_ip_address": ["azurerm_public_ip.office"]}, [])
	count(rule.deny) == 0 with input as t.with_index([pip, one])
}
