# METADATA
# title: Security group allows all egress to the internet
# description: |
#   An egress rule to 0.0.0.0/0 or ::/0 (or the same in parts: an IPv4 block of /7 or wider,
#   an IPv6 one over 2000::/3) on all protocols (-1) or all ports lets a compromised workload
#   ship customer data anywhere. Checked in aws_security_group and
#   aws_default_security_group egress
#   blocks, aws_security_group_rule (type egress) and aws_vpc_security_group_egress_rule.
#   Unknowns: CIDRs, protocols or ports set from another resource, a variable without a
#   value or an expression are reported as not verifiable unless the known parts rule the
#   violation out; CIDRs only from the configuration's VPCs, subnets or Elastic IPs are never
#   the internet and are not reported; egress blocks the provider only computes (rules
#   managed as separate resources) are not rules; egress blocks set as a whole from what the
#   input cannot show, or hidden as a whole (a sensitive value in one makes Terraform hide
#   the set), are reported.
# custom:
#   id: aws-sg-unrestricted-egress
#   control: egress-restriction
#   cloud: aws
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Network monitoring and defences; limiting ports, services and protocols
#   remediation: |
#     Allow egress only to named destinations (VPC endpoints, prefix lists, security groups)
#     on named ports; route internet-bound traffic through an egress proxy or firewall.
#   construct: EgressRestrictedSecurityGroup
#   fix:
#     summary: Replace egress to the internet with a placeholder prefix list of the destinations the group may reach
#     edits:
#       - on: aws_vpc_security_group_egress_rule
#         where: { name: cidr_ipv4, values: ["0.0.0.0/0"] }
#         remove: { name: cidr_ipv4, values: ["0.0.0.0/0"] }
#         set: { prefix_list_id: '"pl-REPLACE-ME"' }
#         comment: { prefix_list_id: "leakguard: placeholder, name the managed prefix list of allowed destinations" }
#       - on: aws_vpc_security_group_egress_rule
#         where: { name: cidr_ipv6, values: ["::/0"] }
#         remove: { name: cidr_ipv6, values: ["::/0"] }
#         set: { prefix_list_id: '"pl-REPLACE-ME"' }
#         comment: { prefix_list_id: "leakguard: placeholder, name the managed prefix list of allowed destinations" }
#       - on: aws_security_group_rule
#         where: { name: cidr_blocks, values: ["0.0.0.0/0"] }
#         remove: { name: cidr_blocks, values: ["0.0.0.0/0"] }
#         set: { prefix_list_ids: '["pl-REPLACE-ME"]' }
#         comment: { prefix_list_ids: "leakguard: placeholder, name the managed prefix list of allowed destinations" }
#       - on: aws_security_group_rule
#         where: { name: ipv6_cidr_blocks, values: ["::/0"] }
#         remove: { name: ipv6_cidr_blocks, values: ["::/0"] }
#         set: { prefix_list_ids: '["pl-REPLACE-ME"]' }
#         comment: { prefix_list_ids: "leakguard: placeholder, name the managed prefix list of allowed destinations" }
#       - on: aws_security_group
#         nested: egress
#         where: { name: cidr_blocks, values: ["0.0.0.0/0"] }
#         remove: { name: cidr_blocks, values: ["0.0.0.0/0"] }
#         set: { prefix_list_ids: '["pl-REPLACE-ME"]' }
#         comment: { prefix_list_ids: "leakguard: placeholder, name the managed prefix list of allowed destinations" }
#       - on: aws_security_group
#         nested: egress
#         where: { name: ipv6_cidr_blocks, values: ["::/0"] }
#         remove: { name: ipv6_cidr_blocks, values: ["::/0"] }
#         set: { prefix_list_ids: '["pl-REPLACE-ME"]' }
#         comment: { prefix_list_ids: "leakguard: placeholder, name the managed prefix list of allowed destinations" }
#     cdktf:
#       option: "egress: an allow-list of CIDRs, prefix lists or groups on named ports (internet-wide CIDRs are refused)"
#       snippet: |
#         new EgressRestrictedSecurityGroup(this, 'app', { vpcId: vpc.id, egress: [{ description: 'payments API', protocol: 'tcp', port: 443, prefixListIds: [paymentsPrefixList.id] }] });
#   runbook:
#     exposure: Hosts in the group can send data anywhere on the internet on every port (an exfiltration path)
#     preserve:
#       - do: Save the group's rules as they are now
#         run: aws ec2 describe-security-group-rules --filters Name=group-id,Values={{values.security_group_id|values.id|fill.security-group-id}} --region {{region}}
#       - do: Find the VPC flow logs that hold the exposure window's outbound traffic, and export them
#         run: aws ec2 describe-flow-logs --filter Name=resource-id,Values={{values.vpc_id|via.security_group_id.vpc_id}} --region {{region}}
#       - do: Look up who changed the group in the exposure window
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=ResourceName,AttributeValue={{values.security_group_id|values.id|fill.security-group-id}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Revoke the all-traffic egress to 0.0.0.0/0 (workloads lose internet egress until the allowed destinations are added)
#         run: aws ec2 revoke-security-group-egress --group-id {{values.security_group_id|values.id|fill.security-group-id}} --ip-permissions "IpProtocol=-1,IpRanges=[{CidrIp=0.0.0.0/0}]" --region {{region}}
#         destructive: true
#     verify:
#       - do: No egress rule to 0.0.0.0/0 or ::/0 remains
#         run: aws ec2 describe-security-group-rules --filters Name=group-id,Values={{values.security_group_id|values.id|fill.security-group-id}} --region {{region}}
#   example: |
#     resource "aws_vpc_security_group_egress_rule" "to_endpoints" {
#       security_group_id            = aws_security_group.app.id
#       referenced_security_group_id = aws_security_group.vpc_endpoints.id
#       ip_protocol                  = "tcp"
#       from_port                    = 443
#       to_port                      = 443
#     }
#
#     resource "aws_vpc_security_group_egress_rule" "to_s3" {
#       security_group_id = aws_security_group.app.id
#       prefix_list_id    = aws_vpc_endpoint.s3.prefix_list_id
#       ip_protocol       = "tcp"
#       from_port         = 443
#       to_port           = 443
#     }
package leakguard.rules.aws.ec2.sg_unrestricted_egress

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

protocol(v) := lower(v) if is_string(v)

protocol(v) := format_int(v, 10) if is_number(v)

all_traffic(rule) if {
	some attr in ["protocol", "ip_protocol"]
	protocol(object.get(rule, attr, "")) in {"-1", "all"}
}

all_traffic(rule) if {
	object.get(rule, "from_port", -1) == 0
	object.get(rule, "to_port", -1) == 65535
}

# 0.0.0.0/0 and ::/0, or the same in parts (0.0.0.0/1 with 128.0.0.0/1, 2000::/3).
to_internet(rule) := {c | some attr in ["cidr_blocks", "ipv6_cidr_blocks"]; some c in resources.as_list(object.get(rule, attr, null)); resources.internet_cidr(c)} | {c | some attr in ["cidr_ipv4", "cidr_ipv6"]; c := object.get(rule, attr, null); resources.internet_cidr(c)}

# [resource, rule, the path prefix of the rule's attributes in the resource] for every egress
# rule in the input.
# A list, not a set: a set hashes each whole resource (lib/resources.rego, identity_documents).
egress := array.concat(
	array.concat(
		[[r, rule, "egress."] |
			some t in ["aws_security_group", "aws_default_security_group"]
			some r in resources.of_type(t)
			some rule in resources.objects(object.get(r.values, "egress", null))
		],
		[[r, r.values, ""] | some r in resources.of_type("aws_security_group_rule"); r.values.type == "egress"],
	),
	[[r, r.values, ""] | some r in resources.of_type("aws_vpc_security_group_egress_rule")],
)

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some [r, rule, _] in egress
	cidrs := to_internet(rule)
	count(cidrs) > 0
	all_traffic(rule)
	msg := sprintf("%s allows all egress traffic to %s", [r.address, concat(", ", sort(cidrs))])
}

# Rules hidden as a whole (a description from a sensitive variable makes Terraform mark the
# group's whole egress set sensitive): they cannot be shown to keep all traffic from leaving for the internet.
deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some t in ["aws_security_group", "aws_default_security_group"]
	some r in resources.of_type(t)
	resources.hidden(r, "egress")
	msg := sprintf("%s has egress rules that cannot be read (sensitive as a whole: Terraform hides them all when a value in one is sensitive), so they cannot be shown to keep all traffic from leaving for the internet", [r.address])
}

# ---------------------------------------------------------------------------------------
# What the input cannot show: CIDR blocks, protocol or ports set from another resource, a
# variable without a value or an expression. Reported unless the known parts rule the
# violation out (a CIDR that is not the internet, a protocol or a port range short of all
# traffic); ranges the configuration's VPCs, subnets or Elastic IPs have are never the
# internet.

unreadable(null)

unreadable(v) if null in resources.as_list(v)

unreadable(v) if {
	some x in resources.as_list(v)
	is_string(x)
	contains(x, "${")
}

unknown_value(r, rule, prefix, attr) if {
	unreadable(object.get(rule, attr, null))
	resources.unresolved_list(r, concat("", [prefix, attr]))
}

cidr_unknown(r, rule, prefix) if {
	some attr in ["cidr_blocks", "ipv6_cidr_blocks", "cidr_ipv4", "cidr_ipv6"]
	unreadable(object.get(rule, attr, null))
	resources.unresolved_address(r, concat("", [prefix, attr]))
}

protocol_unknown(r, rule, prefix) if {
	some attr in ["protocol", "ip_protocol"]
	unknown_value(r, rule, prefix, attr)
}

# A port unknown where the other is known to span all traffic's end (0 … 65535) or unknown too.
ports_unknown(r, rule, prefix) if {
	some attr in ["from_port", "to_port"]
	unknown_value(r, rule, prefix, attr)
	port_could_span(r, rule, prefix, "from_port", 0)
	port_could_span(r, rule, prefix, "to_port", 65535)
}

port_could_span(_, rule, _, attr, end) if object.get(rule, attr, null) == end

port_could_span(r, rule, prefix, attr, _) if unknown_value(r, rule, prefix, attr)

unknown_parts(r, rule, prefix) := [name |
	some name in ["CIDR blocks", "protocol", "ports"]
	unknown_part(r, rule, prefix, name)
]

unknown_part(r, rule, prefix, "CIDR blocks") if cidr_unknown(r, rule, prefix)

unknown_part(r, rule, prefix, "protocol") if protocol_unknown(r, rule, prefix)

unknown_part(r, rule, prefix, "ports") if ports_unknown(r, rule, prefix)

possibly_internet(_, rule, _) if count(to_internet(rule)) > 0

possibly_internet(r, rule, prefix) if cidr_unknown(r, rule, prefix)

possibly_all_traffic(_, rule, _) if all_traffic(rule)

possibly_all_traffic(r, rule, prefix) if protocol_unknown(r, rule, prefix)

possibly_all_traffic(r, rule, prefix) if ports_unknown(r, rule, prefix)

# What the unknown checks read, for the gate before them.
read_attrs := ["cidr_blocks", "ipv6_cidr_blocks", "cidr_ipv4", "cidr_ipv6", "protocol", "ip_protocol", "from_port", "to_port"]

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some [r, rule, prefix] in egress
	resources.maybe_unresolved(r, rule, prefix, read_attrs)
	not known_violation(rule)
	possibly_internet(r, rule, prefix)
	possibly_all_traffic(r, rule, prefix)
	parts := unknown_parts(r, rule, prefix)
	count(parts) > 0
	msg := sprintf("%s has egress %s unknown at plan time; that it does not allow all traffic to the internet cannot be verified", [r.address, concat(", ", parts)])
}

known_violation(rule) if {
	count(to_internet(rule)) > 0
	all_traffic(rule)
}

# The egress blocks as a whole set from what the input cannot show (dynamic blocks over an
# unknown collection). Left unset with separate rule resources managing them, they are the
# provider's to compute and not reported.
deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some t in ["aws_security_group", "aws_default_security_group"]
	some r in resources.of_type(t)
	resources.unresolved(r, "egress")
	not resources.hidden(r, "egress")
	count(resources.objects(object.get(r.values, "egress", null))) == 0
	msg := sprintf("%s has egress rules unknown at plan time; that they do not allow all traffic to the internet cannot be verified", [r.address])
}
