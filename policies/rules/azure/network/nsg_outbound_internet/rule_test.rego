package leakguard.rules.azure.network.nsg_outbound_internet_test

import data.leakguard.rules.azure.network.nsg_outbound_internet as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

nsg(rules) := k.az("azurerm_network_security_group.app", {"name": "app", "security_rule": rules}, {})

out(dest) := {"name": "out", "direction": "Outbound", "access": "Allow", "destination_address_prefix": dest, "destination_port_range": "*"}

failing_input := t.with_index([nsg([out("Internet")])])

test_outbound_internet_fails if {
	k.summary(rule.deny) == {[
		"azure-nsg-outbound-internet", "test/azurerm_network_security_group.app",
		"azurerm_network_security_group.app rule out allows outbound traffic to Internet",
	]} with input as failing_input
}

test_standalone_rule_with_prefix_list_fails if {
	r := k.az("azurerm_network_security_rule.out", {"name": "out", "direction": "Outbound", "access": "Allow", "destination_address_prefixes": ["10.0.0.0/8", "0.0.0.0/0"]}, {})
	count(rule.deny) == 1 with input as t.with_index([r])
}

test_service_tag_deny_and_inbound_pass if {
	count(rule.deny) == 0 with input as t.with_index([nsg({"name": "st", "direction": "Outbound", "access": "Allow", "destination_address_prefix": "Storage.WestUS2"})])
	count(rule.deny) == 0 with input as t.with_index([nsg([object.union(out("*"), {"access": "Deny"})])])
	count(rule.deny) == 0 with input as t.with_index([nsg([object.union(out("*"), {"direction": "Inbound"})])])
}

test_any_slash_zero_destination_is_the_internet if {
	k.summary(rule.deny) == {[
		"azure-nsg-outbound-internet", "test/azurerm_network_security_group.app",
		"azurerm_network_security_group.app rule out allows outbound traffic to 10.1.0.0/0",
	]} with input as t.with_index([nsg([out("10.1.0.0/0")])])
	count(rule.deny) == 0 with input as t.with_index([nsg([out("10.1.0.0/16")])])
}
