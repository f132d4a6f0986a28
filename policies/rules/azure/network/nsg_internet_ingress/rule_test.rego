package leakguard.rules.azure.network.nsg_internet_ingress_test

import data.leakguard.rules.azure.network.nsg_internet_ingress as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

nsg(rules) := k.az("azurerm_network_security_group.app", {"name": "app", "security_rule": rules}, {})

inbound(src, port) := {"name": "in", "direction": "Inbound", "access": "Allow", "source_address_prefix": src, "destination_port_range": port}

failing_input := t.with_index([nsg([inbound("0.0.0.0/0", "22")])])

test_ssh_from_internet_fails if {
	k.summary(rule.deny) == {[
		"azure-nsg-internet-ingress", "test/azurerm_network_security_group.app",
		"azurerm_network_security_group.app rule in allows ports 22 from 0.0.0.0/0",
	]} with input as failing_input
}

test_any_source_with_port_list_fails if {
	r := k.az("azurerm_network_security_rule.x", {"name": "x", "direction": "Inbound", "access": "Allow", "source_address_prefix": "Any", "destination_port_ranges": ["443", "22", "27"]}, {})
	k.summary(rule.deny) == {["azure-nsg-internet-ingress", "test/azurerm_network_security_rule.x", "azurerm_network_security_rule.x rule x allows ports 22, 27 from Any"]} with input as t.with_index([r])
}

test_web_ports_pass if {
	count(rule.deny) == 0 with input as t.with_index([nsg([inbound("Internet", "443"), inbound("*", "80-80")])])
}

test_private_source_passes if {
	r := {"name": "p", "direction": "Inbound", "access": "Allow", "source_address_prefixes": ["10.10.10.10"], "destination_port_range": "*"}
	count(rule.deny) == 0 with input as t.with_index([nsg([r])])
}

test_unknown_ports_fail if {
	r := k.unknown(k.az("azurerm_network_security_rule.x", {"name": "x", "direction": "Inbound", "access": "Allow", "source_address_prefix": "*"}, {}), ["destination_port_range"])
	k.summary(rule.deny) == {["azure-nsg-internet-ingress", "test/azurerm_network_security_rule.x", "azurerm_network_security_rule.x rule x allows ports unknown at plan time from *"]} with input as t.with_index([r])
}

# Every /0 prefix is the whole internet, whatever its host bits; ports may be numbers.
test_any_slash_zero_prefix_is_the_internet if {
	every src in ["10.0.0.0/0", "192.168.1.1/0", "2001:db8::/0", " 0.0.0.0/0"] {
		count(rule.deny) == 1 with input as t.with_index([nsg([inbound(src, "22")])])
	}
	count(rule.deny) == 0 with input as t.with_index([nsg([inbound("10.0.0.0/8", "22"), inbound("0.0.0.0/1", "443")])])
}

test_numeric_ports_are_ports if {
	k.summary(rule.deny) == {[
		"azure-nsg-internet-ingress", "test/azurerm_network_security_group.app",
		"azurerm_network_security_group.app rule in allows ports 3389 from Internet",
	]} with input as t.with_index([nsg([inbound("Internet", 3389)])])
	count(rule.deny) == 0 with input as t.with_index([nsg([inbound("Internet", 443)])])
}
