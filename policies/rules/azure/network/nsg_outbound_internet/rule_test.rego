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

# A setting the input cannot show: set from another resource (a plan's reference) or from a
# variable without a value (unlinked), in an inline block or a separate rule resource.
configured_unknown(r, paths, refs, unlinked) := object.union(k.unknown(r, paths), {
	"references": {p: [concat("/", ["test", a]) | some a in addrs] | some p, addrs in refs},
	"unlinked": unlinked,
})

elsewhere := ["terraform_data.elsewhere"]

test_unknown_destination_cannot_be_verified if {
	block := object.remove(out("x"), ["destination_address_prefix"])
	msg := "azurerm_network_security_group.app rule out has destination address unknown at plan time; that it allows no outbound traffic to the internet cannot be verified"
	k.summary(rule.deny) == {["azure-nsg-outbound-internet", "test/azurerm_network_security_group.app", msg]} with input as t.with_index([configured_unknown(nsg([block]), ["security_rule.destination_address_prefix"], {"security_rule.destination_address_prefix": elsewhere}, [])])
	k.summary(rule.deny) == {["azure-nsg-outbound-internet", "test/azurerm_network_security_group.app", msg]} with input as t.with_index([configured_unknown(nsg([block]), ["security_rule.destination_address_prefix"], {}, ["security_rule.destination_address_prefix"])])
	k.summary(rule.deny) == {["azure-nsg-outbound-internet", "test/azurerm_network_security_group.app", msg]} with input as t.with_index([nsg([out("${var.destination}")])])
}

test_unknown_direction_and_access_cannot_be_verified if {
	block := object.remove(out("Internet"), ["direction", "access"])
	k.summary(rule.deny) == {[
		"azure-nsg-outbound-internet", "test/azurerm_network_security_group.app",
		"azurerm_network_security_group.app rule out has direction, access unknown at plan time; that it allows no outbound traffic to the internet cannot be verified",
	]} with input as t.with_index([configured_unknown(nsg([block]), ["security_rule.access", "security_rule.direction"], {"security_rule.access": elsewhere}, ["security_rule.direction"])])
	standalone := object.remove(out("*"), ["direction"])
	k.summary(rule.deny) == {[
		"azure-nsg-outbound-internet", "test/azurerm_network_security_rule.out",
		"azurerm_network_security_rule.out rule out has direction unknown at plan time; that it allows no outbound traffic to the internet cannot be verified",
	]} with input as t.with_index([configured_unknown(k.az("azurerm_network_security_rule.out", standalone, {}), ["direction"], {"direction": elsewhere}, [])])
}

# The known parts rule the violation out whatever the unknown is; the provider computing the
# rules (separate rule resources manage them) or an unknown without configuration is no rule;
# a destination from a virtual network's own range is never the internet.
test_unknown_ruled_out_or_computed_passes if {
	no_dest := object.remove(out("x"), ["destination_address_prefix"])
	count(rule.deny) == 0 with input as t.with_index([configured_unknown(nsg([object.union(no_dest, {"access": "Deny"})]), ["security_rule.destination_address_prefix"], {"security_rule.destination_address_prefix": elsewhere}, [])])
	count(rule.deny) == 0 with input as t.with_index([configured_unknown(nsg([object.remove(out("10.0.0.0/8"), ["direction"])]), ["security_rule.direction"], {}, ["security_rule.direction"])])
	count(rule.deny) == 0 with input as t.with_index([k.unknown(nsg(null), ["security_rule"])])
	count(rule.deny) == 0 with input as t.with_index([k.unknown(nsg([no_dest]), ["security_rule.destination_address_prefix"])])
	vnet := k.az("azurerm_virtual_network.hub", {}, {})
	count(rule.deny) == 0 with input as t.with_index([vnet, configured_unknown(nsg([no_dest]), ["security_rule.destination_address_prefix"], {"security_rule.destination_address_prefix": ["azurerm_virtual_network.hub"]}, [])])
}

test_unknown_rules_cannot_be_verified if {
	k.summary(rule.deny) == {[
		"azure-nsg-outbound-internet", "test/azurerm_network_security_group.app",
		"azurerm_network_security_group.app has security rules unknown at plan time; that they allow no outbound traffic to the internet cannot be verified",
	]} with input as t.with_index([configured_unknown(nsg(null), ["security_rule"], {"security_rule": elsewhere}, [])])
}
