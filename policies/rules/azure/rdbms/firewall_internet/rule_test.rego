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

# An address set from another resource (a plan) or a variable without a value (unlinked):
# the range cannot be read, and is reported as not verifiable.
configured_unknown(values, unknown, refs, unlinked) := object.union(
	k.unknown(k.az("azurerm_mysql_firewall_rule.x", values, refs), unknown),
	{"unlinked": unlinked},
)

test_configured_unknown_address_cannot_be_verified if {
	k.summary(rule.deny) == {["azure-rdbms-firewall-internet", "test/azurerm_mysql_firewall_rule.x", "azurerm_mysql_firewall_rule.x has end_ip_address unknown at plan time; that it does not open the database server to the internet cannot be verified"]} with input as t.with_index([configured_unknown({"start_ip_address": "0.0.0.0"}, ["end_ip_address"], {"end_ip_address": ["terraform_data.elsewhere"]}, [])])
	k.summary(rule.deny) == {["azure-rdbms-firewall-internet", "test/azurerm_mysql_firewall_rule.x", "azurerm_mysql_firewall_rule.x has start_ip_address and end_ip_address unknown at plan time; that it does not open the database server to the internet cannot be verified"]} with input as t.with_index([configured_unknown({}, ["end_ip_address", "start_ip_address"], {}, ["end_ip_address", "start_ip_address"])])
	count(rule.deny) == 1 with input as t.with_index([k.az("azurerm_mysql_firewall_rule.x", {"start_ip_address": "${var.from}", "end_ip_address": "255.255.255.255"}, {})])
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
