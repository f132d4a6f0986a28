package leakguard.rules.azure.synapse.firewall_internet_test

import data.leakguard.rules.azure.synapse.firewall_internet as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

fw(name, start, end) := k.az(concat(".", ["azurerm_synapse_firewall_rule", name]), {"start_ip_address": start, "end_ip_address": end}, {})

failing_input := t.with_index([fw("all", "0.0.0.0", "255.255.255.255")])

test_whole_internet_fails if {
	k.summary(rule.deny) == {["azure-synapse-firewall-internet", "test/azurerm_synapse_firewall_rule.all", "azurerm_synapse_firewall_rule.all opens the Synapse workspace to 4294967296 internet addresses (0.0.0.0-255.255.255.255)"]} with input as failing_input
}

test_narrow_and_azure_services_pass if {
	count(rule.deny) == 0 with input as t.with_index([fw("office", "203.0.113.10", "203.0.113.10"), fw("azure", "0.0.0.0", "0.0.0.0")])
}

# An address set from another resource (a plan) or a variable without a value (unlinked):
# the range cannot be read, and is reported as not verifiable.
configured_unknown(values, unknown, refs, unlinked) := object.union(
	k.unknown(k.az("azurerm_synapse_firewall_rule.x", values, refs), unknown),
	{"unlinked": unlinked},
)

test_configured_unknown_address_cannot_be_verified if {
	k.summary(rule.deny) == {["azure-synapse-firewall-internet", "test/azurerm_synapse_firewall_rule.x", "azurerm_synapse_firewall_rule.x has end_ip_address unknown at plan time; that it does not open the Synapse workspace to the internet cannot be verified"]} with input as t.with_index([configured_unknown({"start_ip_address": "0.0.0.0"}, ["end_ip_address"], {"end_ip_address": ["terraform_data.elsewhere"]}, [])])
	k.summary(rule.deny) == {["azure-synapse-firewall-internet", "test/azurerm_synapse_firewall_rule.x", "azurerm_synapse_firewall_rule.x has start_ip_address and end_ip_address unknown at plan time; that it does not open the Synapse workspace to the internet cannot be verified"]} with input as t.with_index([configured_unknown({}, ["end_ip_address", "start_ip_address"], {}, ["end_ip_address", "start_ip_address"])])
	count(rule.deny) == 1 with input as t.with_index([k.az("azurerm_synapse_firewall_rule.x", {"start_ip_address": "${var.from}", "end_ip_address": "255.255.255.255"}, {})])
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
