package leakguard.rules.aws.vpc.nacl_admin_ports_test

import data.leakguard.rules.aws.vpc.nacl_admin_ports as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

entry(n, action, protocol, from, to, cidr) := {"rule_no": n, "action": action, "protocol": protocol, "from_port": from, "to_port": to, "cidr_block": cidr}

entry6(n, action, protocol, from, to, cidr) := {"rule_no": n, "action": action, "protocol": protocol, "from_port": from, "to_port": to, "ipv6_cidr_block": cidr}

acl(ingress) := t.resource("aws_network_acl.public", {"vpc_id": "${aws_vpc.main.id}", "ingress": ingress}, {"vpc_id": ["aws_vpc.main"]})

vpc := t.resource("aws_vpc.main", {"cidr_block": "10.0.0.0/16"}, {})

# terraform-aws-modules/vpc's default network ACL: everything in from 0.0.0.0/0 and ::/0.
failing_input := t.with_index([
	vpc,
	t.resource("aws_default_network_acl.this", {"default_network_acl_id": "${aws_vpc.main.default_network_acl_id}", "ingress": [entry(100, "allow", "-1", 0, 0, "0.0.0.0/0"), entry6(101, "allow", "-1", 0, 0, "::/0")]}, {"default_network_acl_id": ["aws_vpc.main"]}),
])

acl_rule(name, values, refs) := t.resource(concat(".", ["aws_network_acl_rule", name]), object.union({"network_acl_id": "${aws_network_acl.public.id}"}, values), object.union({"network_acl_id": ["aws_network_acl.public"]}, refs))

test_admin_ports_open_to_the_internet_fail if {
	k.summary(rule.deny) == {
		["aws-nacl-admin-ports", "test/aws_default_network_acl.this", "aws_default_network_acl.this (ingress rule 100) allows every protocol and port from 0.0.0.0/0, reaching remote administration ports 22, 3389"],
		["aws-nacl-admin-ports", "test/aws_default_network_acl.this", "aws_default_network_acl.this (ingress rule 101) allows every protocol and port from ::/0, reaching remote administration ports 22, 3389"],
	} with input as failing_input

	# A tcp range over SSH only, protocol 6 over the whole range, "all".
	k.summary(rule.deny) == {["aws-nacl-admin-ports", "test/aws_network_acl.public", "aws_network_acl.public (ingress rule 100) allows tcp ports 0-1024 from 0.0.0.0/0, reaching remote administration port 22"]} with input as t.with_index([vpc, acl([entry(100, "allow", "tcp", 0, 1024, "0.0.0.0/0")])])
	k.summary(rule.deny) == {["aws-nacl-admin-ports", "test/aws_network_acl.public", "aws_network_acl.public (ingress rule 100) allows tcp ports 0-65535 from 0.0.0.0/0, reaching remote administration ports 22, 3389"]} with input as t.with_index([vpc, acl([entry(100, "allow", "6", 0, 65535, "0.0.0.0/0")])])
	count(rule.deny) == 1 with input as t.with_index([vpc, acl([entry(100, "ALLOW", "all", 0, 0, "0.0.0.0/0")])])
	count(rule.deny) == 1 with input as t.with_index([vpc, acl([entry(100, "allow", 6, "3389", "3389", "0.0.0.0/0")])])

	# Return traffic on the ephemeral ports takes in RDP.
	k.summary(rule.deny) == {["aws-nacl-admin-ports", "test/aws_network_acl.public", "aws_network_acl.public (ingress rule 110) allows tcp ports 1024-65535 from 0.0.0.0/0, reaching remote administration port 3389"]} with input as t.with_index([vpc, acl([entry(100, "allow", "tcp", 443, 443, "0.0.0.0/0"), entry(110, "allow", "tcp", 1024, 65535, "0.0.0.0/0")])])

	# The internet in parts, and IPv6 over 2000::/3.
	count(rule.deny) == 2 with input as t.with_index([vpc, acl([entry(100, "allow", "tcp", 22, 22, "0.0.0.0/1"), entry(110, "allow", "tcp", 22, 22, "128.0.0.0/1")])])
	count(rule.deny) == 1 with input as t.with_index([vpc, acl([entry6(100, "allow", "tcp", 22, 22, "2000::/3")])])

	# A standalone rule (egress unset: ingress).
	k.summary(rule.deny) == {["aws-nacl-admin-ports", "test/aws_network_acl_rule.ssh", "aws_network_acl_rule.ssh (ingress rule 100) allows tcp ports 22-22 from 0.0.0.0/0, reaching remote administration port 22"]} with input as t.with_index([vpc, acl([]), acl_rule("ssh", {"rule_number": 100, "rule_action": "allow", "protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_block": "0.0.0.0/0"}, {})])
	count(rule.deny) == 1 with input as t.with_index([object.remove(acl_rule("var", {"network_acl_id": "${var.acl_id}", "rule_number": 100, "rule_action": "allow", "protocol": "-1", "cidr_block": "0.0.0.0/0"}, {}), ["references"])])
	count(rule.deny) == 1 with input as t.with_index([vpc, acl([]), acl_rule("rdp", {"rule_number": 100, "egress": false, "rule_action": "allow", "protocol": "-1", "ipv6_cidr_block": "::/0"}, {})])
}

test_closed_or_narrow_rules_pass if {
	count(rule.deny) == 0 with input as t.with_index([vpc, acl([entry(100, "allow", "tcp", 443, 443, "0.0.0.0/0"), entry6(120, "allow", "tcp", 443, 443, "::/0")])])

	# Return traffic on the ephemeral ports, with RDP (inside them) denied first.
	count(rule.deny) == 0 with input as t.with_index([vpc, acl([entry(100, "allow", "tcp", 443, 443, "0.0.0.0/0"), entry(105, "deny", "tcp", 3389, 3389, "0.0.0.0/0"), entry(110, "allow", "tcp", 1024, 65535, "0.0.0.0/0")])])

	# A deny, udp, a narrow range, the VPC's own range.
	count(rule.deny) == 0 with input as t.with_index([vpc, acl([entry(100, "deny", "-1", 0, 0, "0.0.0.0/0")])])
	count(rule.deny) == 0 with input as t.with_index([vpc, acl([entry(100, "allow", "udp", 0, 65535, "0.0.0.0/0")])])
	count(rule.deny) == 0 with input as t.with_index([vpc, acl([entry(100, "allow", "-1", 0, 0, "203.0.113.0/24"), entry(110, "allow", "tcp", 22, 22, "10.0.0.0/8")])])
	count(rule.deny) == 0 with input as t.with_index([vpc, t.resource("aws_network_acl.public", {"ingress": [{"rule_no": 100, "action": "allow", "protocol": "-1", "from_port": 0, "to_port": 0, "cidr_block": "${aws_vpc.main.cidr_block}"}]}, {"ingress.cidr_block": ["aws_vpc.main"]})])

	# Egress rules, as blocks (never read) and as rule resources.
	count(rule.deny) == 0 with input as t.with_index([vpc, t.resource("aws_network_acl.public", {"egress": [entry(100, "allow", "-1", 0, 0, "0.0.0.0/0")]}, {})])
	count(rule.deny) == 0 with input as t.with_index([vpc, acl([]), acl_rule("out", {"rule_number": 100, "egress": true, "rule_action": "allow", "protocol": "-1", "cidr_block": "0.0.0.0/0"}, {})])

	# Ingress left to aws_network_acl_rule resources: the provider computes the blocks.
	count(rule.deny) == 0 with input as t.with_index([vpc, k.unknown(t.resource("aws_network_acl.public", {"vpc_id": "${aws_vpc.main.id}"}, {"vpc_id": ["aws_vpc.main"]}), ["ingress"])])
}

by_id(r) := object.union(object.remove(r, ["references"]), {"references": {}, "values": object.union(r.values, {"network_acl_id": "acl-0a1b2c3d4e5f60001"})})

test_lower_numbered_denies_close_the_ports if {
	# Deny 22 and 3389 from the whole internet first, then allow everything.
	hardened := [
		entry(10, "deny", "tcp", 22, 22, "0.0.0.0/0"), entry(11, "deny", "tcp", 3389, 3389, "0.0.0.0/0"),
		entry6(12, "deny", "tcp", 22, 22, "::/0"), entry6(13, "deny", "tcp", 3389, 3389, "::/0"),
		entry(100, "allow", "-1", 0, 0, "0.0.0.0/0"), entry6(101, "allow", "-1", 0, 0, "::/0"),
	]
	count(rule.deny) == 0 with input as t.with_index([vpc, acl(hardened)])

	# A deny of every protocol covers both ports; a wider deny covers a part of the internet.
	count(rule.deny) == 0 with input as t.with_index([vpc, acl([entry(50, "deny", "-1", 0, 0, "0.0.0.0/0"), entry(100, "allow", "tcp", 0, 65535, "0.0.0.0/1")])])

	# Only the port the deny covers is closed.
	k.summary(rule.deny) == {["aws-nacl-admin-ports", "test/aws_network_acl.public", "aws_network_acl.public (ingress rule 100) allows every protocol and port from 0.0.0.0/0, reaching remote administration port 3389"]} with input as t.with_index([vpc, acl([entry(10, "deny", "tcp", 22, 22, "0.0.0.0/0"), entry(100, "allow", "-1", 0, 0, "0.0.0.0/0")])])

	# A deny after the allow, of IPv4 for an IPv6 allow, of part of the internet, or of another
	# ACL closes nothing.
	count(rule.deny) == 1 with input as t.with_index([vpc, acl([entry(100, "allow", "tcp", 22, 22, "0.0.0.0/0"), entry(200, "deny", "tcp", 22, 22, "0.0.0.0/0")])])
	count(rule.deny) == 1 with input as t.with_index([vpc, acl([entry(10, "deny", "-1", 0, 0, "0.0.0.0/0"), entry6(100, "allow", "tcp", 22, 22, "::/0")])])
	count(rule.deny) == 1 with input as t.with_index([vpc, acl([entry(10, "deny", "-1", 0, 0, "0.0.0.0/1"), entry(100, "allow", "tcp", 22, 22, "0.0.0.0/0")])])
	other := t.resource("aws_network_acl.other", {"ingress": [entry(10, "deny", "-1", 0, 0, "0.0.0.0/0")]}, {})
	count(rule.deny) == 1 with input as t.with_index([vpc, other, acl([entry(100, "allow", "tcp", 22, 22, "0.0.0.0/0")])])

	# Standalone rules of one ACL, by reference and by a literal id; and a deny with a port
	# unknown at plan time closes nothing.
	deny_ssh := acl_rule("deny_ssh", {"rule_number": 10, "rule_action": "deny", "protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_block": "0.0.0.0/0"}, {})
	allow_ssh := acl_rule("allow_ssh", {"rule_number": 100, "rule_action": "allow", "protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_block": "0.0.0.0/0"}, {})
	count(rule.deny) == 0 with input as t.with_index([vpc, acl([]), deny_ssh, allow_ssh])
	count(rule.deny) == 0 with input as t.with_index([by_id(deny_ssh), by_id(allow_ssh)])
	count(rule.deny) == 1 with input as t.with_index([vpc, acl([]), object.union(deny_ssh, {"values": object.union(deny_ssh.values, {"to_port": "${var.port}"})}), allow_ssh])
}

test_unknowns_are_not_verifiable if {
	ports := "remote administration ports 22, 3389 closed to the internet cannot be verified"
	k.summary(rule.deny) == {["aws-nacl-admin-ports", "test/aws_network_acl.public", concat("", ["aws_network_acl.public (ingress rule 100) has its CIDR block unknown at plan time; that it keeps ", ports])]} with input as t.with_index([vpc, acl([entry(100, "allow", "tcp", 22, 22, "${var.admin_cidr}")])])
	k.summary(rule.deny) == {["aws-nacl-admin-ports", "test/aws_network_acl.public", concat("", ["aws_network_acl.public (ingress rule 100) has its protocol or ports unknown at plan time; that it keeps ", ports])]} with input as t.with_index([vpc, acl([entry(100, "allow", "tcp", "${var.port}", "${var.port}", "0.0.0.0/0")])])
	k.summary(rule.deny) == {["aws-nacl-admin-ports", "test/aws_network_acl.public", concat("", ["aws_network_acl.public (ingress rule 100) has its action unknown at plan time; that it keeps ", ports])]} with input as t.with_index([vpc, acl([entry(100, "${var.action}", "-1", 0, 0, "0.0.0.0/0")])])
	k.summary(rule.deny) == {["aws-nacl-admin-ports", "test/aws_network_acl_rule.any", concat("", ["aws_network_acl_rule.any (ingress rule 100) has its direction (egress) unknown at plan time; that it keeps ", ports])]} with input as t.with_index([vpc, acl([]), acl_rule("any", {"rule_number": 100, "egress": "${var.egress}", "rule_action": "allow", "protocol": "-1", "cidr_block": "0.0.0.0/0"}, {})])
	k.summary(rule.deny) == {["aws-nacl-admin-ports", "test/aws_network_acl.public", concat("", ["aws_network_acl.public has ingress rules unknown at plan time; that they keep ", ports])]} with input as t.with_index([vpc, k.unknown(t.resource("aws_network_acl.public", {}, {"ingress": ["aws_ssm_parameter.rules"]}), ["ingress"])])

	# Unknown in a plan, set from another resource; a protocol from a variable.
	count(rule.deny) == 1 with input as t.with_index([vpc, acl([]), k.unknown(acl_rule("ssh", {"rule_number": 100, "rule_action": "allow", "protocol": "tcp", "from_port": 22, "to_port": 22}, {"cidr_block": ["aws_ssm_parameter.cidr"]}), ["cidr_block"])])
	count(rule.deny) == 1 with input as t.with_index([vpc, acl([entry(100, "allow", "${var.protocol}", 22, 22, "0.0.0.0/0")])])

	# What is known rules it out: a known deny, udp with an unknown range, ports away from 22
	# and 3389 from an unknown range, a range from the VPC.
	count(rule.deny) == 0 with input as t.with_index([vpc, acl([entry(100, "deny", "tcp", "${var.port}", "${var.port}", "${var.cidr}")])])
	count(rule.deny) == 0 with input as t.with_index([vpc, acl([entry(100, "allow", "tcp", 443, 443, "${var.cidr}")])])
	count(rule.deny) == 0 with input as t.with_index([vpc, acl([entry(100, "${var.action}", "tcp", 22, 22, "10.0.0.0/16")])])
	count(rule.deny) == 0 with input as t.with_index([vpc, acl([]), k.unknown(acl_rule("ssh", {"rule_number": 100, "rule_action": "allow", "protocol": "tcp", "from_port": 22, "to_port": 22}, {"cidr_block": ["aws_vpc.main"]}), ["cidr_block"])])
}
