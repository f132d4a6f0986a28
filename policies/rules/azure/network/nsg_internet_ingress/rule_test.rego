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

# A setting the input cannot show: set from another resource (a plan's reference) or from a
# variable without a value (unlinked), in an inline block or a separate rule resource.
configured_unknown(r, paths, refs, unlinked) := object.union(k.unknown(r, paths), {
	"references": {p: [concat("/", ["test", a]) | some a in addrs] | some p, addrs in refs},
	"unlinked": unlinked,
})

elsewhere := ["terraform_data.elsewhere"]

test_unknown_source_cannot_be_verified if {
	block := object.remove(inbound("x", "22"), ["source_address_prefix"])
	msg := "azurerm_network_security_group.app rule in has source address unknown at plan time; that it allows no internet ingress to ports other than 80/443 cannot be verified"
	k.summary(rule.deny) == {["azure-nsg-internet-ingress", "test/azurerm_network_security_group.app", msg]} with input as t.with_index([configured_unknown(nsg([block]), ["security_rule.source_address_prefix"], {"security_rule.source_address_prefix": elsewhere}, [])])
	k.summary(rule.deny) == {["azure-nsg-internet-ingress", "test/azurerm_network_security_group.app", msg]} with input as t.with_index([configured_unknown(nsg([block]), ["security_rule.source_address_prefix"], {}, ["security_rule.source_address_prefix"])])
	k.summary(rule.deny) == {["azure-nsg-internet-ingress", "test/azurerm_network_security_group.app", msg]} with input as t.with_index([nsg([inbound("${var.source}", "22")])])
	prefixes := object.union(object.remove(block, ["source_address_prefix"]), {"source_address_prefixes": ["10.0.0.0/8", "${var.partner}"]})
	k.summary(rule.deny) == {["azure-nsg-internet-ingress", "test/azurerm_network_security_group.app", msg]} with input as t.with_index([nsg([prefixes])])
}

test_unknown_direction_and_access_cannot_be_verified if {
	block := object.remove(inbound("*", "22"), ["direction", "access"])
	k.summary(rule.deny) == {[
		"azure-nsg-internet-ingress", "test/azurerm_network_security_group.app",
		"azurerm_network_security_group.app rule in has direction, access unknown at plan time; that it allows no internet ingress to ports other than 80/443 cannot be verified",
	]} with input as t.with_index([configured_unknown(nsg([block]), ["security_rule.access", "security_rule.direction"], {"security_rule.access": elsewhere, "security_rule.direction": elsewhere}, [])])
	standalone := object.remove(object.union(inbound("*", "3389"), {"name": "x"}), ["access"])
	k.summary(rule.deny) == {[
		"azure-nsg-internet-ingress", "test/azurerm_network_security_rule.x",
		"azurerm_network_security_rule.x rule x has access unknown at plan time; that it allows no internet ingress to ports other than 80/443 cannot be verified",
	]} with input as t.with_index([configured_unknown(k.az("azurerm_network_security_rule.x", standalone, {}), ["access"], {}, ["access"])])
}

# The known parts rule the violation out whatever the unknown is; the provider computing the
# rules (separate rule resources manage them) or an unknown without configuration is no rule.
test_unknown_ruled_out_or_computed_passes if {
	no_source := object.remove(inbound("x", "443"), ["source_address_prefix"])
	count(rule.deny) == 0 with input as t.with_index([configured_unknown(nsg([no_source]), ["security_rule.source_address_prefix"], {"security_rule.source_address_prefix": elsewhere}, [])])
	outbound := object.union(object.remove(inbound("x", "22"), ["source_address_prefix"]), {"direction": "Outbound"})
	count(rule.deny) == 0 with input as t.with_index([configured_unknown(nsg([outbound]), ["security_rule.source_address_prefix"], {}, ["security_rule.source_address_prefix"])])
	private := object.remove(inbound("10.0.0.0/8", "22"), ["access"])
	count(rule.deny) == 0 with input as t.with_index([configured_unknown(nsg([private]), ["security_rule.access"], {"security_rule.access": elsewhere}, [])])
	count(rule.deny) == 0 with input as t.with_index([k.unknown(nsg(null), ["security_rule"])])
	count(rule.deny) == 0 with input as t.with_index([k.unknown(nsg([object.remove(inbound("x", "22"), ["source_address_prefix"])]), ["security_rule.source_address_prefix"])])
}

# A source set from a subnet's or virtual network's own prefix is never the internet.
test_source_from_network_range_passes if {
	subnet := k.az("azurerm_subnet.app", {}, {})
	block := object.remove(inbound("x", "22"), ["source_address_prefix"])
	count(rule.deny) == 0 with input as t.with_index([subnet, configured_unknown(nsg([block]), ["security_rule.source_address_prefix"], {"security_rule.source_address_prefix": ["azurerm_subnet.app"]}, [])])
}

test_unknown_rules_cannot_be_verified if {
	k.summary(rule.deny) == {[
		"azure-nsg-internet-ingress", "test/azurerm_network_security_group.app",
		"azurerm_network_security_group.app has security rules unknown at plan time; that they allow no internet ingress to ports other than 80/443 cannot be verified",
	]} with input as t.with_index([configured_unknown(nsg(null), ["security_rule"], {}, ["security_rule"])])
	count(rule.deny) == 1 with input as t.with_index([configured_unknown(nsg(null), ["security_rule"], {"security_rule.source_address_prefix": elsewhere}, [])])
}
