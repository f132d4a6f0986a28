package leakguard.rules.aws.ec2.sg_unrestricted_egress_test

import data.leakguard.rules.aws.ec2.sg_unrestricted_egress as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

sg(egress) := t.resource("aws_security_group.app", {"name": "app", "egress": egress}, {})

failing_input := t.with_index([sg([{"cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": ["::/0"], "protocol": "-1", "from_port": 0, "to_port": 0}])])

test_inline_allow_all_fails if {
	k.summary(rule.deny) == {[
		"aws-sg-unrestricted-egress", "test/aws_security_group.app",
		"aws_security_group.app allows all egress traffic to 0.0.0.0/0, ::/0",
	]} with input as failing_input
}

# The internet in parts is the internet; a private range is not.
test_internet_in_parts_fails if {
	count(rule.deny) == 1 with input as t.with_index([sg([{"cidr_blocks": ["0.0.0.0/1", "128.0.0.0/1"], "protocol": "-1", "from_port": 0, "to_port": 0}])])
	count(rule.deny) == 1 with input as t.with_index([sg([{"ipv6_cidr_blocks": ["2000::/3"], "protocol": "-1", "from_port": 0, "to_port": 0}])])
	count(rule.deny) == 0 with input as t.with_index([sg([{"cidr_blocks": ["10.0.0.0/8"], "protocol": "-1", "from_port": 0, "to_port": 0}])])
}

test_all_ports_tcp_rule_resource_fails if {
	r := t.resource("aws_security_group_rule.out", {"type": "egress", "cidr_blocks": ["0.0.0.0/0"], "protocol": "tcp", "from_port": 0, "to_port": 65535}, {})
	count(rule.deny) == 1 with input as t.with_index([r])
}

test_vpc_egress_rule_fails if {
	r := t.resource("aws_vpc_security_group_egress_rule.out", {"cidr_ipv4": "0.0.0.0/0", "ip_protocol": -1}, {})
	k.summary(rule.deny) == {["aws-sg-unrestricted-egress", "test/aws_vpc_security_group_egress_rule.out", "aws_vpc_security_group_egress_rule.out allows all egress traffic to 0.0.0.0/0"]} with input as t.with_index([r])
}

test_https_to_internet_and_all_to_vpc_pass if {
	count(rule.deny) == 0 with input as t.with_index([sg({"cidr_blocks": ["0.0.0.0/0"], "protocol": "tcp", "from_port": 443, "to_port": 443})])
	count(rule.deny) == 0 with input as t.with_index([sg([{"cidr_blocks": ["10.0.0.0/16"], "protocol": "-1", "from_port": 0, "to_port": 0}])])
	r := t.resource("aws_security_group_rule.in", {"type": "ingress", "cidr_blocks": ["0.0.0.0/0"], "protocol": "-1"}, {})
	count(rule.deny) == 0 with input as t.with_index([r])
}

test_provider_computed_egress_passes if {
	count(rule.deny) == 0 with input as t.with_index([k.unknown(t.resource("aws_security_group.app", {}, {}), ["egress"])])
}

test_default_security_group_is_checked if {
	d := t.resource("aws_default_security_group.default", {"vpc_id": "vpc-1", "egress": [{"cidr_blocks": ["0.0.0.0/0"], "protocol": "-1", "from_port": 0, "to_port": 0}]}, {})
	count(rule.deny) == 1 with input as t.with_index([d])
}

# The egress set hidden as a whole (a sensitive description): reported, never passed.
hidden(sensitive, unreadable) := t.with_index([object.union(sg(null), {"sensitive": sensitive, "unreadable": unreadable, "unknown": unreadable})])

test_hidden_egress_fails if {
	k.summary(rule.deny) == {[
		"aws-sg-unrestricted-egress", "test/aws_security_group.app",
		"aws_security_group.app has egress rules that cannot be read (sensitive as a whole: Terraform hides them all when a value in one is sensitive), so they cannot be shown to keep all traffic from leaving for the internet",
	]} with input as hidden(["egress"], ["egress"])
	count(rule.deny) == 0 with input as hidden(["egress"], [])
}

# ---------------------------------------------------------------------------------------
# What the input cannot show: set from another resource (a plan's reference) or from a
# variable without a value (unlinked).
configured_unknown(r, paths, refs, unlinked) := object.union(k.unknown(r, paths), {
	"references": {p: [concat("/", ["test", a]) | some a in addrs] | some p, addrs in refs},
	"unlinked": unlinked,
})

elsewhere := ["terraform_data.elsewhere"]

all_out := {"cidr_blocks": ["0.0.0.0/0"], "protocol": "-1", "from_port": 0, "to_port": 0}

test_unknown_protocol_cannot_be_verified if {
	msg := "aws_security_group.app has egress protocol unknown at plan time; that it does not allow all traffic to the internet cannot be verified"
	block := object.remove(all_out, ["protocol"])
	k.summary(rule.deny) == {["aws-sg-unrestricted-egress", "test/aws_security_group.app", msg]} with input as t.with_index([configured_unknown(sg([block]), ["egress.protocol"], {"egress.protocol": elsewhere}, [])])
	k.summary(rule.deny) == {["aws-sg-unrestricted-egress", "test/aws_security_group.app", msg]} with input as t.with_index([configured_unknown(sg([block]), ["egress.protocol"], {}, ["egress.protocol"])])
	k.summary(rule.deny) == {["aws-sg-unrestricted-egress", "test/aws_security_group.app", msg]} with input as t.with_index([sg([object.union(all_out, {"protocol": "${var.protocol}"})])])
}

test_unknown_cidrs_cannot_be_verified if {
	block := object.remove(all_out, ["cidr_blocks"])
	k.summary(rule.deny) == {[
		"aws-sg-unrestricted-egress", "test/aws_security_group.app",
		"aws_security_group.app has egress CIDR blocks unknown at plan time; that it does not allow all traffic to the internet cannot be verified",
	]} with input as t.with_index([configured_unknown(sg([block]), ["egress.cidr_blocks"], {"egress.cidr_blocks": elsewhere}, [])])
	legacy := configured_unknown(t.resource("aws_security_group_rule.out", {"type": "egress", "protocol": "tcp", "from_port": 0}, {}), ["cidr_blocks", "to_port"], {"to_port": elsewhere}, ["cidr_blocks"])
	k.summary(rule.deny) == {[
		"aws-sg-unrestricted-egress", "test/aws_security_group_rule.out",
		"aws_security_group_rule.out has egress CIDR blocks, ports unknown at plan time; that it does not allow all traffic to the internet cannot be verified",
	]} with input as t.with_index([legacy])
	vpc_rule := configured_unknown(t.resource("aws_vpc_security_group_egress_rule.out", {"ip_protocol": "-1"}, {}), ["cidr_ipv4"], {"cidr_ipv4": elsewhere}, [])
	k.summary(rule.deny) == {[
		"aws-sg-unrestricted-egress", "test/aws_vpc_security_group_egress_rule.out",
		"aws_vpc_security_group_egress_rule.out has egress CIDR blocks unknown at plan time; that it does not allow all traffic to the internet cannot be verified",
	]} with input as t.with_index([vpc_rule])
}

# The known parts rule the violation out whatever the unknown is (tcp to one port, a private range,
# the configuration's own VPC range); an egress the provider only computes, or an unknown
# without configuration, is no rule.
test_unknown_ruled_out_or_computed_passes if {
	https := {"protocol": "tcp", "from_port": 443, "to_port": 443}
	count(rule.deny) == 0 with input as t.with_index([configured_unknown(sg([https]), ["egress.cidr_blocks"], {"egress.cidr_blocks": elsewhere}, [])])
	private := {"cidr_blocks": ["10.0.0.0/8"], "from_port": 0, "to_port": 0}
	count(rule.deny) == 0 with input as t.with_index([configured_unknown(sg([private]), ["egress.protocol"], {}, ["egress.protocol"])])
	vpc := t.resource("aws_vpc.main", {"cidr_block": "10.0.0.0/16"}, {})
	count(rule.deny) == 0 with input as t.with_index([vpc, configured_unknown(sg([object.remove(all_out, ["cidr_blocks"])]), ["egress.cidr_blocks"], {"egress.cidr_blocks": ["aws_vpc.main"]}, [])])
	count(rule.deny) == 0 with input as t.with_index([k.unknown(sg([object.remove(all_out, ["cidr_blocks"])]), ["egress.cidr_blocks"])])
}

test_unknown_egress_cannot_be_verified if {
	msg := "aws_security_group.app has egress rules unknown at plan time; that they do not allow all traffic to the internet cannot be verified"
	k.summary(rule.deny) == {["aws-sg-unrestricted-egress", "test/aws_security_group.app", msg]} with input as t.with_index([configured_unknown(sg(null), ["egress"], {"egress.cidr_blocks": elsewhere}, [])])
	k.summary(rule.deny) == {["aws-sg-unrestricted-egress", "test/aws_security_group.app", msg]} with input as t.with_index([configured_unknown(sg(null), ["egress"], {}, ["egress"])])
}
