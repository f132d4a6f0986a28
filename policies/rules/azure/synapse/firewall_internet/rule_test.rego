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
