# METADATA
# title: Internet ingress outside load balancer web ports
# description: |
#   Only load balancers face the internet, and only on the web ports (internet_ingress_ports,
#   default 80/443). Ingress from 0.0.0.0/0 or ::/0 (or the same in parts: an IPv4 block of
#   /7 or wider, such as 0.0.0.0/1 with 128.0.0.0/1, or an IPv6 one over 2000::/3) to any other
#   port, or to a security group no load balancer (aws_lb/aws_alb/aws_elb) uses, exposes
#   hosts and databases.
#   A group that a load balancer shares with instances that have public IPs (their own, an
#   Elastic IP's, a launch template's or launch configuration's), or with ECS services and
#   task sets whose tasks get one (network_configuration.assign_public_ip), is judged by
#   everything it is attached to: web ports reach those hosts too. Hosts that use the group
#   with a public IP setting unknown at plan time, and hosts with public IPs whose groups the
#   input cannot show (set in a dynamic block, which a plan checked without its folder does not
#   follow), make such a group's web ports not verifiable. Checked in
#   aws_security_group and aws_default_security_group ingress blocks,
#   aws_security_group_rule (type ingress) and aws_vpc_security_group_ingress_rule.
#   Unknowns: CIDRs set from another resource, a variable without a value or an expression
#   are reported as not verifiable, unless they come only from the configuration's VPCs,
#   subnets or Elastic IPs (never 0.0.0.0/0 or ::/0) or every source would pass; a plan
#   hides a whole list when one element is unknown, so a list written around such an address
#   (["0.0.0.0/0", "${aws_eip.nat.public_ip}/32"]) is read in the folder beside the plan and,
#   in a plan checked without it, reported as not verifiable; ports
#   unknown at plan time cannot be shown to be web ports and are reported; ingress blocks
#   set as a whole from what the input cannot show, or hidden as a whole (a sensitive value
#   in one makes Terraform hide the set), are reported; ingress blocks the provider only
#   computes (rules managed as separate resources) are not rules.
# custom:
#   id: aws-sg-internet-ingress
#   control: egress-restriction
#   cloud: aws
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Network monitoring and defences; segmentation
#   remediation: |
#     Put the service behind a load balancer and allow internet ingress only on tcp 80/443 to
#     the load balancer's security group; reach hosts through SSM Session Manager.
#   construct: EgressRestrictedSecurityGroup
#   runbook:
#     exposure: Hosts in the group accept connections from the whole internet on ports other than 80/443
#     preserve:
#       - do: Save the group's rules as they are now
#         run: aws ec2 describe-security-group-rules --filters Name=group-id,Values={{values.security_group_id|values.id|fill.security-group-id}} --region {{region}}
#       - do: Find the VPC flow logs that hold the exposure window's inbound traffic, and export them
#         run: aws ec2 describe-flow-logs --filter Name=resource-id,Values={{values.vpc_id|via.security_group_id.vpc_id}} --region {{region}}
#       - do: Look up who changed the group in the exposure window
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=ResourceName,AttributeValue={{values.security_group_id|values.id|fill.security-group-id}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Revoke the internet ingress rule (fill in its protocol and ports from the saved rules)
#         run: aws ec2 revoke-security-group-ingress --group-id {{values.security_group_id|values.id|fill.security-group-id}} --ip-permissions "IpProtocol={{fill.protocol}},FromPort={{fill.from-port}},ToPort={{fill.to-port}},IpRanges=[{CidrIp=0.0.0.0/0}]" --region {{region}}
#         destructive: true
#     verify:
#       - do: No ingress rule from 0.0.0.0/0 or ::/0 remains except 80/443 on load balancers
#         run: aws ec2 describe-security-group-rules --filters Name=group-id,Values={{values.security_group_id|values.id|fill.security-group-id}} --region {{region}}
#   example: |
#     resource "aws_security_group" "lb" {
#       vpc_id = var.vpc_id
#       ingress {
#         protocol    = "tcp"
#         from_port   = 443
#         to_port     = 443
#         cidr_blocks = ["0.0.0.0/0"]
#       }
#     }
#
#     # Only the load balancer's group takes internet traffic; hosts allow the LB group only.
#     resource "aws_lb" "web" {
#       subnets         = var.public_subnet_ids
#       security_groups = [aws_security_group.lb.id]
#     }
package leakguard.rules.aws.ec2.sg_internet_ingress

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

lb_types := {"aws_lb", "aws_alb", "aws_elb"}

ports := {p | some p in config.settings.internet_ingress_ports}

web_ports := concat("/", [format_int(p, 10) | some p in sort(ports)])

protocol(v) := lower(v) if is_string(v)

protocol(v) := format_int(v, 10) if is_number(v)

# 0.0.0.0/0 and ::/0, or the same in parts (0.0.0.0/1 with 128.0.0.0/1, 2000::/3).
to_internet(rule) := {c | some attr in ["cidr_blocks", "ipv6_cidr_blocks"]; some c in resources.as_list(object.get(rule, attr, null)); resources.internet_cidr(c)} | {c | some attr in ["cidr_ipv4", "cidr_ipv6"]; c := object.get(rule, attr, null); resources.internet_cidr(c)}

# One web port over tcp.
web_port(rule) if {
	some attr in ["protocol", "ip_protocol"]
	protocol(object.get(rule, attr, "")) in {"tcp", "6"}
	rule.from_port == rule.to_port
	ports[rule.from_port]
}

load_balanced(sg) if {
	some ref in sg.referenced_by
	ref.type in lb_types
}

# Instances (or launch templates, ECS services) with a public IP that use the group: internet traffic
# reaches them directly, whatever else shares the group.
public_hosts(sg) := {ref.key |
	some ref in sg.referenced_by
	ref.type in host_types
	public_ip(input.resources[ref.key])
}

host_types := {"aws_instance", "aws_launch_template", "aws_launch_configuration", "aws_network_interface", "aws_ecs_service", "aws_ecs_task_set"}

public_ip(host) if resources.any_true(host, "associate_public_ip_address")

# An Elastic IP attached to it (aws_eip instance/network_interface, or an association): its
# public address is the host's (found by an audit of public Terraform: a group shared by a load
# balancer and an instance with an Elastic IP passed).
public_ip(host) if {
	some ref in host.referenced_by
	ref.type in {"aws_eip", "aws_eip_association"}
	ref.attribute in {"instance", "network_interface", "instance_id", "network_interface_id"}
}

public_ip(host) if resources.any_true(host, "network_interfaces.associate_public_ip_address")

# ECS tasks in awsvpc mode (Fargate) get an address of their own (found by an audit of public
# Terraform: a group shared by a load balancer and such a service passed).
public_ip(host) if resources.any_true(host, "network_configuration.assign_public_ip")

# No explicit setting: the subject's subnet decides (map_public_ip_on_launch).
public_ip(host) if {
	count(resources.values_at(host, "associate_public_ip_address")) == 0
	some subnet in resources.linked_to_type(host, "subnet_id", "aws_subnet")
	resources.any_true(subnet, "map_public_ip_on_launch")
}

# Every protocol (-1, "all") opens every port whatever from_port and to_port say (0-0).
port_text(r, rule, prefix) := "all ports" if {
	some attr in ["protocol", "ip_protocol"]
	protocol(object.get(rule, attr, "")) in {"-1", "all"}
} else := sprintf("ports %d-%d", [rule.from_port, rule.to_port]) if {
	is_number(rule.from_port)
	is_number(rule.to_port)
} else := "ports unknown at plan time" if {
	port_unknown(r, rule, prefix)
} else := "all ports"

# A port set from another resource, a variable without a value or an expression.
port_unknown(r, rule, prefix) if {
	some attr in ["from_port", "to_port"]
	not is_number(object.get(rule, attr, null))
	resources.unresolved(r, concat("", [prefix, attr]))
}

# [reported resource, security group or null, rule, the path prefix of the rule's attributes
# in the resource]; the account's default group included.
# A list, not a set: a set hashes each whole resource (lib/resources.rego, identity_documents).
ingress := array.concat(
	array.concat(
		[[r, r, rule, "ingress."] |
			some t in ["aws_security_group", "aws_default_security_group"]
			some r in resources.of_type(t)
			some rule in resources.objects(object.get(r.values, "ingress", null))
		],
		[[r, sg, r.values, ""] |
			some r in resources.of_type("aws_security_group_rule")
			r.values.type == "ingress"
			sg := group_of(r)
		],
	),
	[[r, sg, r.values, ""] | some r in resources.of_type("aws_vpc_security_group_ingress_rule"); sg := group_of(r)],
)

group_of(r) := gs[0] if {
	gs := resources.linked_to(r, "security_group_id")
	count(gs) > 0
} else := null

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some [r, sg, rule, prefix] in ingress
	cidrs := to_internet(rule)
	count(cidrs) > 0
	msg := message(r, sg, rule, cidrs, port_text(r, rule, prefix))
}

message(r, sg, _, cidrs, ports) := sprintf("%s allows %s from %s; only load balancers may take internet traffic", [r.address, ports, concat(", ", sort(cidrs))]) if {
	not load_balanced(sg)
}

message(r, sg, rule, cidrs, port_list) := sprintf("%s allows %s from %s to a load balancer; only tcp %s are allowed", [r.address, port_list, concat(", ", sort(cidrs)), web_ports]) if {
	load_balanced(sg)
	not web_port(rule)
}

# A group shared by a load balancer and public hosts is judged by everything it is attached
# to: even the web ports reach the hosts.
message(r, sg, rule, cidrs, port_list) := sprintf("%s allows %s from %s to a group shared by a load balancer and public hosts (%s); only load balancers may take internet traffic", [r.address, port_list, concat(", ", sort(cidrs)), concat(", ", sort([input.resources[k].address | some k in hosts]))]) if {
	load_balanced(sg)
	web_port(rule)
	hosts := public_hosts(sg)
	count(hosts) > 0
}

# Hosts that use it and whose public IP the input cannot show: the web ports may reach them.
message(r, sg, rule, cidrs, port_list) := sprintf("%s allows %s from %s to a group shared by a load balancer and hosts whose public IP is unknown at plan time (%s); that only load balancers take internet traffic cannot be verified", [r.address, port_list, concat(", ", sort(cidrs)), concat(", ", sort(hosts))]) if {
	load_balanced(sg)
	web_port(rule)
	count(public_hosts(sg)) == 0
	hosts := unsure_hosts(sg)
	count(hosts) > 0
}

# Hosts with public IPs whose groups the input cannot show (a dynamic block in a plan checked
# without its folder): any load balancer's group may be theirs.
message(r, sg, rule, cidrs, port_list) := sprintf("%s allows %s from %s to a load balancer's group, and hosts with public IPs use security groups the input cannot show (%s); that the group reaches only load balancers cannot be verified", [r.address, port_list, concat(", ", sort(cidrs)), concat(", ", sort(unseen_hosts))]) if {
	load_balanced(sg)
	web_port(rule)
	count(public_hosts(sg)) == 0
	count(unsure_hosts(sg)) == 0
	count(unseen_hosts) > 0
}

# Where each host type holds a public IP setting, and its security groups.
ip_attrs := {
	"aws_instance": ["associate_public_ip_address"],
	"aws_launch_template": ["network_interfaces.associate_public_ip_address"],
	"aws_launch_configuration": ["associate_public_ip_address"],
	"aws_ecs_service": ["network_configuration.assign_public_ip"],
	"aws_ecs_task_set": ["network_configuration.assign_public_ip"],
}

group_attrs := {
	"aws_instance": ["vpc_security_group_ids", "security_groups"],
	"aws_launch_template": ["vpc_security_group_ids", "network_interfaces.security_groups"],
	"aws_launch_configuration": ["security_groups"],
	"aws_network_interface": ["security_groups"],
	"aws_ecs_service": ["network_configuration.security_groups"],
	"aws_ecs_task_set": ["network_configuration.security_groups"],
}

maybe_public(host) if {
	not public_ip(host)
	some attr in object.get(ip_attrs, host.type, [])
	resources.unresolved(host, attr)
}

unsure_hosts(sg) := [input.resources[ref.key].address |
	some ref in sg.referenced_by
	ref.type in host_types
	maybe_public(input.resources[ref.key])
]

unseen_hosts := [h.address |
	some type, attrs in group_attrs
	some h in resources.of_type(type)
	public_ip(h)
	some attr in attrs
	resources.unlinked_under(h, attr)
]

# Rules hidden as a whole (a description from a sensitive variable makes Terraform mark the
# group's whole ingress set sensitive): they cannot be shown to keep the internet out.
deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some t in ["aws_security_group", "aws_default_security_group"]
	some r in resources.of_type(t)
	resources.hidden(r, "ingress")
	msg := sprintf("%s has ingress rules that cannot be read (sensitive as a whole: Terraform hides them all when a value in one is sensitive), so they cannot be shown to keep the internet out", [r.address])
}

# ---------------------------------------------------------------------------------------
# What the input cannot show: CIDR blocks set from another resource, a variable without a
# value or an expression. Ranges a VPC, subnet or Elastic IP of the configuration has are
# never the internet; anything else may be, unless every source passes (a web port on a load
# balancer's group that no public host shares).

cidr_attrs := ["cidr_blocks", "ipv6_cidr_blocks", "cidr_ipv4", "cidr_ipv6"]

cidr_unknown(r, rule, prefix) if {
	some attr in cidr_attrs
	unreadable(object.get(rule, attr, null))
	resources.unresolved_address(r, concat("", [prefix, attr]))
}

unreadable(null)

unreadable(v) if null in resources.as_list(v)

unreadable(v) if {
	some x in resources.as_list(v)
	is_string(x)
	contains(x, "${")
}

# Every source passes: only a web port reaches a load balancer's group with no public host.
any_source_passes(sg, rule) if {
	load_balanced(sg)
	web_port(rule)
	count(public_hosts(sg)) == 0
	count(unsure_hosts(sg)) == 0
	count(unseen_hosts) == 0
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some [r, sg, rule, prefix] in ingress
	resources.maybe_unresolved(r, rule, prefix, cidr_attrs)
	count(to_internet(rule)) == 0
	cidr_unknown(r, rule, prefix)
	not any_source_passes(sg, rule)
	msg := sprintf("%s has ingress CIDR blocks unknown at plan time (%s); that it is closed to the internet cannot be verified", [r.address, port_text(r, rule, prefix)])
}

# The ingress blocks as a whole set from what the input cannot show (dynamic blocks over an
# unknown collection). Left unset with separate rule resources managing them, they are the
# provider's to compute and not reported.
deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some t in ["aws_security_group", "aws_default_security_group"]
	some r in resources.of_type(t)
	resources.unresolved(r, "ingress")
	not resources.hidden(r, "ingress")
	count(resources.objects(object.get(r.values, "ingress", null))) == 0
	msg := sprintf("%s has ingress rules unknown at plan time; that they keep the internet out cannot be verified", [r.address])
}
