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
