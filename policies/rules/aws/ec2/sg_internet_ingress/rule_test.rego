package leakguard.rules.aws.ec2.sg_internet_ingress_test

import data.leakguard.rules.aws.ec2.sg_internet_ingress as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

sg(ingress) := t.resource("aws_security_group.web", {"name": "web", "ingress": ingress}, {})

lb := t.resource("aws_lb.web", {"security_groups": ["${aws_security_group.web.id}"]}, {"security_groups": ["aws_security_group.web"]})

https := {"cidr_blocks": ["0.0.0.0/0"], "protocol": "tcp", "from_port": 443, "to_port": 443}

failing_input := t.with_index([sg([{"cidr_blocks": ["0.0.0.0/0"], "protocol": "tcp", "from_port": 22, "to_port": 22}])])

test_ssh_from_internet_fails if {
	k.summary(rule.deny) == {[
		"aws-sg-internet-ingress", "test/aws_security_group.web",
		"aws_security_group.web allows ports 22-22 from 0.0.0.0/0; only load balancers may take internet traffic",
	]} with input as failing_input
}

# The internet in parts (found by an audit of public Terraform); a private or /8 range is not.
test_internet_in_parts_fails if {
	every cidrs in [["0.0.0.0/1", "128.0.0.0/1"], ["64.0.0.0/2"], ["2000::/3"], ["::/1"]] {
		count(rule.deny) == 1 with input as t.with_index([sg([{"cidr_blocks": [c | some c in cidrs; not contains(c, ":")], "ipv6_cidr_blocks": [c | some c in cidrs; contains(c, ":")], "protocol": "tcp", "from_port": 22, "to_port": 22}])])
	}
	every cidr in ["10.0.0.0/8", "52.0.0.0/8", "fc00::/7", "2001:db8::/32"] {
		count(rule.deny) == 0 with input as t.with_index([sg([{"cidr_blocks": [cidr], "protocol": "tcp", "from_port": 22, "to_port": 22}])])
	}
}

# Text that is no block (AWS refuses it) is not read as one: OPA's WebAssembly had read
# "1.2.3.4/32/1" as a block the internet intersects, where its Go engine refuses it.
test_text_that_is_no_block_is_not_a_range if {
	every cidr in ["1.2.3.4/32/1", "0.0.0.0/0x/1", "0.0.0.0 /1", "::/1/1", "::/0 /1"] {
		count(rule.deny) == 0 with input as t.with_index([sg([{"cidr_blocks": [cidr], "protocol": "tcp", "from_port": 22, "to_port": 22}])])
	}
}

test_https_on_load_balancer_passes if {
	count(rule.deny) == 0 with input as t.with_index([sg([https]), lb])
}

test_https_without_load_balancer_fails if {
	count(rule.deny) == 1 with input as t.with_index([sg([https])])
}

test_range_covering_443_on_load_balancer_fails if {
	r := {"cidr_blocks": ["0.0.0.0/0"], "protocol": "tcp", "from_port": 442, "to_port": 444}
	k.summary(rule.deny) == {[
		"aws-sg-internet-ingress", "test/aws_security_group.web",
		"aws_security_group.web allows ports 442-444 from 0.0.0.0/0 to a load balancer; only tcp 80/443 are allowed",
	]} with input as t.with_index([sg([r]), lb])
}

test_standalone_rules_use_their_group if {
	web := t.resource("aws_security_group.web", {"name": "web"}, {})
	ok := t.resource("aws_vpc_security_group_ingress_rule.https", {"cidr_ipv4": "0.0.0.0/0", "ip_protocol": "tcp", "from_port": 443, "to_port": 443}, {"security_group_id": ["aws_security_group.web"]})
	count(rule.deny) == 0 with input as t.with_index([web, lb, ok])
	all := t.resource("aws_security_group_rule.all", {"type": "ingress", "ipv6_cidr_blocks": ["::/0"], "protocol": "-1"}, {"security_group_id": ["aws_security_group.web"]})
	k.summary(rule.deny) == {[
		"aws-sg-internet-ingress", "test/aws_security_group_rule.all",
		"aws_security_group_rule.all allows all ports from ::/0 to a load balancer; only tcp 80/443 are allowed",
	]} with input as t.with_index([web, lb, all])
}

test_rule_without_known_group_fails if {
	r := t.resource("aws_security_group_rule.x", {"type": "ingress", "cidr_blocks": ["0.0.0.0/0"], "protocol": "tcp", "from_port": 443, "to_port": 443}, {})
	count(rule.deny) == 1 with input as t.with_index([r])
}

test_private_ranges_pass if {
	count(rule.deny) == 0 with input as t.with_index([sg([{"cidr_blocks": ["10.0.0.0/8"], "protocol": "tcp", "from_port": 22, "to_port": 22}])])
}

test_default_security_group_is_checked if {
	d := t.resource("aws_default_security_group.default", {"vpc_id": "vpc-1", "ingress": [{"cidr_blocks": ["0.0.0.0/0"], "protocol": "-1", "from_port": 0, "to_port": 0}]}, {})
	k.summary(rule.deny) == {["aws-sg-internet-ingress", "test/aws_default_security_group.default", "aws_default_security_group.default allows all ports from 0.0.0.0/0; only load balancers may take internet traffic"]} with input as t.with_index([d])
}

host(values, refs) := t.resource("aws_instance.app", object.union({"vpc_security_group_ids": ["${aws_security_group.web.id}"]}, values), object.union({"vpc_security_group_ids": ["aws_security_group.web"]}, refs))

# A group shared by a load balancer and a public instance is judged by both.
test_group_shared_with_public_instance_fails if {
	k.summary(rule.deny) == {["aws-sg-internet-ingress", "test/aws_security_group.web", "aws_security_group.web allows ports 443-443 from 0.0.0.0/0 to a group shared by a load balancer and public hosts (aws_instance.app); only load balancers may take internet traffic"]} with input as t.with_index([sg([https]), lb, host({"associate_public_ip_address": true}, {})])
	subnet := t.resource("aws_subnet.public", {"map_public_ip_on_launch": true}, {})
	count(rule.deny) == 1 with input as t.with_index([sg([https]), lb, subnet, host({"subnet_id": "${aws_subnet.public.id}"}, {"subnet_id": ["aws_subnet.public"]})])
	template := t.resource("aws_launch_template.app", {"network_interfaces": [{"associate_public_ip_address": true, "security_groups": ["${aws_security_group.web.id}"]}]}, {"network_interfaces.security_groups": ["aws_security_group.web"]})
	count(rule.deny) == 1 with input as t.with_index([sg([https]), lb, template])
}

# A public address from an Elastic IP, or a launch configuration's (found by an audit).
test_group_shared_with_elastic_ip_or_launch_configuration_fails if {
	eip := t.resource("aws_eip.app", {"domain": "vpc", "instance": "${aws_instance.app.id}"}, {"instance": ["aws_instance.app"]})
	count(rule.deny) == 1 with input as t.with_index([sg([https]), lb, host({}, {}), eip])
	assoc := t.resource("aws_eip_association.app", {"instance_id": "${aws_instance.app.id}"}, {"instance_id": ["aws_instance.app"]})
	count(rule.deny) == 1 with input as t.with_index([sg([https]), lb, host({}, {}), assoc])
	lc := t.resource("aws_launch_configuration.app", {"associate_public_ip_address": true, "security_groups": ["${aws_security_group.web.id}"]}, {"security_groups": ["aws_security_group.web"]})
	count(rule.deny) == 1 with input as t.with_index([sg([https]), lb, lc])
	private_lc := t.resource("aws_launch_configuration.app", {"associate_public_ip_address": false, "security_groups": ["${aws_security_group.web.id}"]}, {"security_groups": ["aws_security_group.web"]})
	count(rule.deny) == 0 with input as t.with_index([sg([https]), lb, private_lc])
}

# Tasks of an ECS service or task set with public IPs (found by an audit).
test_group_shared_with_public_ecs_tasks_fails if {
	refs := {"network_configuration.security_groups": ["aws_security_group.web"]}
	every type in ["aws_ecs_service", "aws_ecs_task_set"] {
		tasks := t.resource(sprintf("%s.app", [type]), {"network_configuration": [{"assign_public_ip": true, "subnets": ["subnet-1"], "security_groups": ["${aws_security_group.web.id}"]}]}, refs)
		k.summary(rule.deny) == {["aws-sg-internet-ingress", "test/aws_security_group.web", sprintf("aws_security_group.web allows ports 443-443 from 0.0.0.0/0 to a group shared by a load balancer and public hosts (%s.app); only load balancers may take internet traffic", [type])]} with input as t.with_index([sg([https]), lb, tasks])

		# assign_public_ip false or left out (false, whatever the subnet maps): private tasks.
		private := t.resource(sprintf("%s.app", [type]), {"network_configuration": [{"assign_public_ip": false, "subnets": ["subnet-1"], "security_groups": ["${aws_security_group.web.id}"]}]}, refs)
		count(rule.deny) == 0 with input as t.with_index([sg([https]), lb, private])
		unset := t.resource(sprintf("%s.app", [type]), {"network_configuration": [{"subnets": ["subnet-1"], "security_groups": ["${aws_security_group.web.id}"]}]}, refs)
		count(rule.deny) == 0 with input as t.with_index([sg([https]), lb, unset])
	}
}

# A public IP setting unknown at plan time, or public hosts whose groups the input cannot show
# (a dynamic network_configuration in a plan checked alone; audit k3): not verifiable.
test_group_with_unsure_or_unseen_public_hosts_fails_unverified if {
	refs := {"network_configuration.security_groups": ["aws_security_group.web"]}
	unsure := t.resource("aws_ecs_service.app", {"network_configuration": [{"assign_public_ip": "${var.public}", "security_groups": ["${aws_security_group.web.id}"]}]}, refs)
	k.summary(rule.deny) == {["aws-sg-internet-ingress", "test/aws_security_group.web", "aws_security_group.web allows ports 443-443 from 0.0.0.0/0 to a group shared by a load balancer and hosts whose public IP is unknown at plan time (aws_ecs_service.app); that only load balancers take internet traffic cannot be verified"]} with input as t.with_index([sg([https]), lb, unsure])
	unsure_instance := object.union(host({}, {"associate_public_ip_address": ["terraform_data.flag"]}), {"unknown": ["associate_public_ip_address"]})
	count(rule.deny) == 1 with input as t.with_index([sg([https]), lb, unsure_instance])

	unseen := object.union(t.resource("aws_ecs_service.app", {"network_configuration": [{"assign_public_ip": true, "subnets": ["subnet-1"]}]}, {}), {"unknown": ["network_configuration.security_groups"], "unlinked": ["network_configuration.security_groups"]})
	k.summary(rule.deny) == {["aws-sg-internet-ingress", "test/aws_security_group.web", "aws_security_group.web allows ports 443-443 from 0.0.0.0/0 to a load balancer's group, and hosts with public IPs use security groups the input cannot show (aws_ecs_service.app); that the group reaches only load balancers cannot be verified"]} with input as t.with_index([sg([https]), lb, unseen])

	# Without a public IP, or with its groups shown (and not this one), the web ports pass.
	private_unseen := object.union(t.resource("aws_ecs_service.app", {"network_configuration": [{"assign_public_ip": false}]}, {}), {"unknown": ["network_configuration.security_groups"], "unlinked": ["network_configuration.security_groups"]})
	count(rule.deny) == 0 with input as t.with_index([sg([https]), lb, private_unseen])
	elsewhere := t.resource("aws_ecs_service.app", {"network_configuration": [{"assign_public_ip": true, "security_groups": ["sg-0123456789abcdef0"]}]}, {})
	count(rule.deny) == 0 with input as t.with_index([sg([https]), lb, elsewhere])
}

test_group_shared_with_private_instance_passes if {
	count(rule.deny) == 0 with input as t.with_index([sg([https]), lb, host({"associate_public_ip_address": false}, {})])
	subnet := t.resource("aws_subnet.private", {"map_public_ip_on_launch": false}, {})
	count(rule.deny) == 0 with input as t.with_index([sg([https]), lb, subnet, host({"subnet_id": "${aws_subnet.private.id}"}, {"subnet_id": ["aws_subnet.private"]})])
}

# The ingress set hidden as a whole (a sensitive description): reported, never passed; a set
# merely sensitive somewhere else, or unreadable for another reason, is not this case.
hidden(sensitive, unreadable) := t.with_index([object.union(sg(null), {"sensitive": sensitive, "unreadable": unreadable, "unknown": unreadable})])

test_hidden_ingress_fails if {
	k.summary(rule.deny) == {[
		"aws-sg-internet-ingress", "test/aws_security_group.web",
		"aws_security_group.web has ingress rules that cannot be read (sensitive as a whole: Terraform hides them all when a value in one is sensitive), so they cannot be shown to keep the internet out",
	]} with input as hidden(["ingress"], ["ingress"])
	count(rule.deny) == 0 with input as hidden(["ingress"], [])

	# Unreadable for another reason (a value of the wrong type): configured, unknown, reported
	# as such.
	k.summary(rule.deny) == {[
		"aws-sg-internet-ingress", "test/aws_security_group.web",
		"aws_security_group.web has ingress rules unknown at plan time; that they keep the internet out cannot be verified",
	]} with input as hidden([], ["ingress"])
}

# ---------------------------------------------------------------------------------------
# What the input cannot show: set from another resource (a plan's reference) or from a
# variable without a value (unlinked).
configured_unknown(r, paths, refs, unlinked) := object.union(k.unknown(r, paths), {
	"references": {p: [concat("/", ["test", a]) | some a in addrs] | some p, addrs in refs},
	"unlinked": unlinked,
})

elsewhere := ["terraform_data.elsewhere"]

ssh_without_cidrs := {"protocol": "tcp", "from_port": 22, "to_port": 22}

test_unknown_cidrs_cannot_be_verified if {
	msg := "aws_security_group.web has ingress CIDR blocks unknown at plan time (ports 22-22); that it is closed to the internet cannot be verified"
	k.summary(rule.deny) == {["aws-sg-internet-ingress", "test/aws_security_group.web", msg]} with input as t.with_index([configured_unknown(sg([ssh_without_cidrs]), ["ingress.cidr_blocks"], {"ingress.cidr_blocks": elsewhere}, [])])
	k.summary(rule.deny) == {["aws-sg-internet-ingress", "test/aws_security_group.web", msg]} with input as t.with_index([configured_unknown(sg([ssh_without_cidrs]), ["ingress.cidr_blocks"], {}, ["ingress.cidr_blocks"])])
	k.summary(rule.deny) == {["aws-sg-internet-ingress", "test/aws_security_group.web", msg]} with input as t.with_index([sg([object.union(ssh_without_cidrs, {"cidr_blocks": ["${var.allowed}"]})])])
}

# The separate rule resources the same way.
test_unknown_cidrs_of_rule_resources_cannot_be_verified if {
	web := t.resource("aws_security_group.web", {"name": "web"}, {})
	legacy := configured_unknown(t.resource("aws_security_group_rule.ssh", object.union(ssh_without_cidrs, {"type": "ingress"}), {"security_group_id": ["aws_security_group.web"]}), ["cidr_blocks"], {"cidr_blocks": elsewhere}, [])
	k.summary(rule.deny) == {["aws-sg-internet-ingress", "test/aws_security_group_rule.ssh", "aws_security_group_rule.ssh has ingress CIDR blocks unknown at plan time (ports 22-22); that it is closed to the internet cannot be verified"]} with input as t.with_index([web, legacy])
	vpc_rule := configured_unknown(t.resource("aws_vpc_security_group_ingress_rule.ssh", {"ip_protocol": "tcp", "from_port": 22, "to_port": 22}, {"security_group_id": ["aws_security_group.web"]}), ["cidr_ipv4"], {}, ["cidr_ipv4"])
	k.summary(rule.deny) == {["aws-sg-internet-ingress", "test/aws_vpc_security_group_ingress_rule.ssh", "aws_vpc_security_group_ingress_rule.ssh has ingress CIDR blocks unknown at plan time (ports 22-22); that it is closed to the internet cannot be verified"]} with input as t.with_index([web, vpc_rule])
}

# Ranges of the configuration's own VPCs and subnets are never the internet; a web port on a
# load balancer's group passes whatever the source; an ingress the provider only computes
# (separate rule resources manage it), or an unknown without configuration, is no rule.
test_unknown_cidrs_ruled_out_or_computed_passes if {
	vpc := t.resource("aws_vpc.main", {"cidr_block": "10.0.0.0/16"}, {})
	count(rule.deny) == 0 with input as t.with_index([vpc, configured_unknown(sg([ssh_without_cidrs]), ["ingress.cidr_blocks"], {"ingress.cidr_blocks": ["aws_vpc.main"]}, [])])
	count(rule.deny) == 1 with input as t.with_index([vpc, configured_unknown(sg([ssh_without_cidrs]), ["ingress.cidr_blocks"], {"ingress.cidr_blocks": ["aws_vpc.main"]}, ["ingress.cidr_blocks"])])
	count(rule.deny) == 0 with input as t.with_index([lb, configured_unknown(sg([object.remove(https, ["cidr_blocks"])]), ["ingress.cidr_blocks"], {"ingress.cidr_blocks": elsewhere}, [])])
	count(rule.deny) == 1 with input as t.with_index([configured_unknown(sg([object.remove(https, ["cidr_blocks"])]), ["ingress.cidr_blocks"], {"ingress.cidr_blocks": elsewhere}, [])])
	count(rule.deny) == 0 with input as t.with_index([k.unknown(sg(null), ["ingress"])])
	count(rule.deny) == 0 with input as t.with_index([k.unknown(sg([ssh_without_cidrs]), ["ingress.cidr_blocks"])])
}

test_unknown_ports_are_reported if {
	msg := "aws_security_group.web allows ports unknown at plan time from 0.0.0.0/0 to a load balancer; only tcp 80/443 are allowed"
	block := object.remove(https, ["to_port"])
	k.summary(rule.deny) == {["aws-sg-internet-ingress", "test/aws_security_group.web", msg]} with input as t.with_index([lb, configured_unknown(sg([block]), ["ingress.to_port"], {"ingress.to_port": elsewhere}, [])])
	k.summary(rule.deny) == {["aws-sg-internet-ingress", "test/aws_security_group.web", msg]} with input as t.with_index([lb, configured_unknown(sg([block]), ["ingress.to_port"], {}, ["ingress.to_port"])])
}

test_unknown_ingress_cannot_be_verified if {
	msg := "aws_security_group.web has ingress rules unknown at plan time; that they keep the internet out cannot be verified"
	k.summary(rule.deny) == {["aws-sg-internet-ingress", "test/aws_security_group.web", msg]} with input as t.with_index([configured_unknown(sg(null), ["ingress"], {"ingress": elsewhere}, [])])
	k.summary(rule.deny) == {["aws-sg-internet-ingress", "test/aws_security_group.web", msg]} with input as t.with_index([configured_unknown(sg(null), ["ingress"], {}, ["ingress"])])
}
