# METADATA
# title: Network ACL allows remote administration ports from the internet
# description: |
#   A network ACL that lets the whole internet reach SSH (22) or RDP (3389) leaves the subnet's
#   hosts one weak password, leaked key or unpatched daemon away from an intruder who then reads
#   the customer data they hold; the ACL is the subnet-wide second line behind security groups
#   (Security Hub EC2.21, CIS AWS 5.1). Reported: an ingress rule that allows traffic from
#   0.0.0.0/0 or ::/0 (or the same in parts: an IPv4 block of /7 or wider, an IPv6 one over
#   2000::/3) with protocol "-1" / "all" (every port, whatever from_port and to_port say) or
#   tcp ("6") whose from_port..to_port takes in an administration port (admin_ports, default
#   22 and 3389). Checked in the ingress blocks of aws_network_acl and aws_default_network_acl
#   (action "allow") and in aws_network_acl_rule (egress false, the default; rule_action
#   "allow"). An ACL applies its rules in rule-number order and the first match decides: a
#   deny rule of the same ACL with a lower number that covers the port (tcp or every protocol)
#   for a range containing the allowed one closes that port, and the allow is not reported for
#   it.
#   Unknowns: a CIDR block, protocol, port, action or direction (egress) set from another
#   resource, a variable without a value or an expression is reported as not verifiable, unless
#   the CIDR comes only from the configuration's VPCs, subnets or Elastic IPs (never the
#   internet) or what is known already rules the rule out (a deny, another protocol, ports
#   away from the administration ports); ingress blocks set as a whole from what the input
#   cannot show are reported; a deny rule with anything unknown closes nothing.
# custom:
#   id: aws-nacl-admin-ports
#   control: egress-restriction
#   cloud: aws
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Network monitoring and defences; segmentation
#   remediation: |
#     Remove the allow rule for 22/3389 (or every port) from 0.0.0.0/0 and ::/0, or put a deny
#     rule for tcp 22 and 3389 from 0.0.0.0/0 and ::/0 before it (a lower rule number: the
#     return-traffic range 1024-65535 takes in 3389 too); reach
#     hosts through SSM Session Manager or a VPN. For terraform-aws-modules/vpc, set
#     default_network_acl_ingress (and the public/private *_inbound_acl_rules) accordingly.
#   construct: PrivateVpc
#   runbook:
#     exposure: Hosts in the subnets the network ACL guards accept SSH or RDP connections from the whole internet, unless a security group stops them
#     preserve:
#       - do: Save the network ACL's entries and subnet associations as they are now
#         run: aws ec2 describe-network-acls --network-acl-ids {{values.network_acl_id|values.id|fill.network-acl-id}} --region {{region}}
#       - do: Find the VPC flow logs that hold the exposure window's inbound traffic, and export them
#         run: aws ec2 describe-flow-logs --filter Name=resource-id,Values={{values.vpc_id|via.network_acl_id.vpc_id|via.default_network_acl_id.vpc_id|fill.vpc-id}} --region {{region}}
#       - do: Look up who changed the network ACL in the exposure window
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=ResourceName,AttributeValue={{values.network_acl_id|values.id|fill.network-acl-id}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Deny SSH from the internet ahead of the allow rule (a free rule number below it)
#         run: aws ec2 create-network-acl-entry --network-acl-id {{values.network_acl_id|values.id|fill.network-acl-id}} --ingress --rule-number {{fill.free-rule-number}} --protocol tcp --port-range From=22,To=22 --cidr-block 0.0.0.0/0 --rule-action deny --region {{region}}
#       - do: Deny RDP from the internet likewise (repeat both with --ipv6-cidr-block ::/0 for IPv6)
#         run: aws ec2 create-network-acl-entry --network-acl-id {{values.network_acl_id|values.id|fill.network-acl-id}} --ingress --rule-number {{fill.free-rule-number}} --protocol tcp --port-range From=3389,To=3389 --cidr-block 0.0.0.0/0 --rule-action deny --region {{region}}
#     verify:
#       - do: The lowest-numbered ingress entry matching tcp 22 and 3389 from 0.0.0.0/0 and ::/0 is a deny
#         run: aws ec2 describe-network-acls --network-acl-ids {{values.network_acl_id|values.id|fill.network-acl-id}} --region {{region}} --query "NetworkAcls[].Entries[?Egress==`false`]"
#   example: |
#     resource "aws_network_acl" "public" {
#       vpc_id = aws_vpc.main.id
#
#       ingress {
#         rule_no    = 100
#         action     = "allow"
#         protocol   = "tcp"
#         from_port  = 443
#         to_port    = 443
#         cidr_block = "0.0.0.0/0"
#       }
#
#       # Return traffic: RDP lies among the ephemeral ports, so it is denied first.
#       ingress {
#         rule_no    = 105
#         action     = "deny"
#         protocol   = "tcp"
#         from_port  = 3389
#         to_port    = 3389
#         cidr_block = "0.0.0.0/0"
#       }
#
#       ingress {
#         rule_no    = 110
#         action     = "allow"
#         protocol   = "tcp"
#         from_port  = 1024
#         to_port    = 65535
#         cidr_block = "0.0.0.0/0"
#       }
#     }
package leakguard.rules.aws.vpc.nacl_admin_ports

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

admin_ports := sort(config.settings.admin_ports)

acl_types := ["aws_network_acl", "aws_default_network_acl"]

# The attribute names of an inline ingress block and of an aws_network_acl_rule.
inline_names := {"action": "action", "number": "rule_no"}

rule_names := {"action": "rule_action", "number": "rule_number"}

# [reported resource, rule (block or the rule resource's values), path prefix of its
# attributes, attribute names, the ACL it belongs to]. A list: a set hashes whole resources.
entries := array.concat(
	[[r, block, "ingress.", inline_names, r.key] |
		some t in acl_types
		some r in resources.of_type(t)
		some block in resources.objects(object.get(r.values, "ingress", null))
	],
	[[r, r.values, "", rule_names, acl_of(r)] |
		some r in resources.of_type("aws_network_acl_rule")
		not egress(r)
	],
)

egress(r) if object.get(r.values, "egress", false) == true

# The ACL a rule resource belongs to: the resource it refers to, else the id it names, else
# only itself.
acl_of(r) := acls[0] if {
	acls := object.get(r.references, "network_acl_id", [])
	count(acls) > 0
} else := concat(":", ["id", id]) if {
	id := object.get(r.values, "network_acl_id", null)
	resources.literal(id)
} else := r.key

number(v) := v if is_number(v)

number(v) := to_number(v) if {
	is_string(v)
	regex.match(`^-?[0-9]+$`, v)
}

known_number(v) if number(v)

protocol(v) := lower(v) if is_string(v)

protocol(v) := format_int(v, 10) if is_number(v)

every_protocol := {"-1": true, "all": true}

tcp := {"tcp": true, "6": true}

# The rule lets tcp port p through: every protocol, or tcp with p in from_port..to_port.
covers(rule, p) if {
	every_protocol[protocol(object.get(rule, "protocol", ""))]
} else if {
	tcp[protocol(object.get(rule, "protocol", ""))]
	number(object.get(rule, "from_port", null)) <= p
	p <= number(object.get(rule, "to_port", null))
}

action(rule, names) := lower(v) if {
	v := object.get(rule, names.action, null)
	is_string(v)
	not contains(v, "${")
}

cidr_attrs := ["cidr_block", "ipv6_cidr_block"]

internet_cidrs(rule) := [c |
	some attr in cidr_attrs
	c := trim_space(object.get(rule, attr, ""))
	resources.internet_cidr(c)
]

# Deny rules that close what they cover, by ACL: everything about them known.
closing[acl] contains {"number": n, "cidr": c, "protocol": object.get(rule, "protocol", ""), "from_port": object.get(rule, "from_port", null), "to_port": object.get(rule, "to_port", null)} if {
	some [r, rule, prefix, names, acl] in entries
	action(rule, names) == "deny"
	not unknown_direction(r, prefix)
	n := number(object.get(rule, names.number, null))
	some attr in cidr_attrs
	c := trim_space(object.get(rule, attr, ""))
	c != ""
	not contains(c, "${")
	not unknown_ports(r, rule, prefix)
}

# A lower-numbered deny of the same ACL covers port p for a range containing c.
denied(rule, names, acl, p, c) if {
	n := number(object.get(rule, names.number, null))
	some d in closing[acl]
	d.number < n
	contains(d.cidr, ":") == contains(c, ":")
	resources.cidr(d.cidr)
	resources.cidr(c)
	net.cidr_contains(d.cidr, c)
	covers(d, p)
}

open_ports(rule, names, acl, c) := [p |
	some p in admin_ports
	covers(rule, p)
	not denied(rule, names, acl, p, c)
]

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some [r, rule, prefix, names, acl] in entries
	action(rule, names) == "allow"
	not unknown_direction(r, prefix)
	some c in internet_cidrs(rule)
	ports := open_ports(rule, names, acl, c)
	count(ports) > 0
	msg := sprintf("%s (ingress rule %s) allows %s from %s, reaching remote administration %s", [r.address, resources.shown(object.get(rule, names.number, "unset")), traffic_text(rule), c, ports_text(ports)])
}

traffic_text(rule) := "every protocol and port" if {
	every_protocol[protocol(object.get(rule, "protocol", ""))]
} else := sprintf("tcp ports %v-%v", [object.get(rule, "from_port", null), object.get(rule, "to_port", null)])

ports_text(ports) := sprintf("port %d", [ports[0]]) if count(ports) == 1

ports_text(ports) := concat("", ["ports ", concat(", ", [format_int(p, 10) | some p in ports])]) if count(ports) > 1

# ---------------------------------------------------------------------------------------
# What the input cannot show: a CIDR block, protocol, port, action or direction set from
# another resource, a variable without a value or an expression.

unreadable(v) if v == null

unreadable(v) if {
	is_string(v)
	contains(v, "${")
}

unknown_cidr(r, rule, prefix) if {
	some attr in cidr_attrs
	unreadable(object.get(rule, attr, null))
	resources.unresolved_address(r, concat("", [prefix, attr]))
}

unknown_ports(r, rule, prefix) if {
	resources.block_value(r, rule, "protocol", concat("", [prefix, "protocol"])) == "unknown"
} else if {
	not every_protocol[protocol(object.get(rule, "protocol", ""))]
	some attr in ["from_port", "to_port"]
	not known_number(object.get(rule, attr, null))
	resources.unresolved(r, concat("", [prefix, attr]))
}

unknown_action(r, rule, prefix, names) if {
	resources.block_value(r, rule, names.action, concat("", [prefix, names.action])) == "unknown"
}

# Only an aws_network_acl_rule has a direction.
unknown_direction(r, "") if resources.unresolved(r, "egress")

# What is unknown about a rule that may open an administration port to the internet, and the
# ports it may open; empty when what is known rules it out.
unknowns(r, rule, prefix, names) := array.concat(
	array.concat(
		["CIDR block" | unknown_cidr(r, rule, prefix)],
		["protocol or ports" | unknown_ports(r, rule, prefix)],
	),
	array.concat(
		["action" | unknown_action(r, rule, prefix, names)],
		["direction (egress)" | unknown_direction(r, prefix)],
	),
)

may_allow(rule, names) if action(rule, names) == "allow"

may_allow(rule, names) if not action(rule, names)

may_reach_admin_port(r, rule, prefix) if unknown_ports(r, rule, prefix)

may_reach_admin_port(_, rule, _) if {
	some p in admin_ports
	covers(rule, p)
}

may_be_internet(r, rule, prefix) if unknown_cidr(r, rule, prefix)

may_be_internet(_, rule, _) if count(internet_cidrs(rule)) > 0

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some [r, rule, prefix, names, _] in entries
	resources.maybe_unresolved(r, rule, prefix, ["cidr_block", "ipv6_cidr_block", "protocol", "from_port", "to_port", names.action, "egress"])
	may_allow(rule, names)
	may_be_internet(r, rule, prefix)
	may_reach_admin_port(r, rule, prefix)
	missing := unknowns(r, rule, prefix, names)
	count(missing) > 0
	msg := sprintf("%s (ingress rule %s) has its %s unknown at plan time; that it keeps remote administration ports %s closed to the internet cannot be verified", [r.address, resources.shown(object.get(rule, names.number, "unset")), concat(", ", missing), concat(", ", [format_int(p, 10) | some p in admin_ports])])
}

# The ingress blocks as a whole set from what the input cannot show (dynamic blocks over an
# unknown collection). Left unset with aws_network_acl_rule resources managing them, they are
# the provider's to compute and not reported.
deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some t in acl_types
	some r in resources.of_type(t)
	resources.unresolved(r, "ingress")
	count(resources.objects(object.get(r.values, "ingress", null))) == 0
	msg := sprintf("%s has ingress rules unknown at plan time; that they keep remote administration ports %s closed to the internet cannot be verified", [r.address, concat(", ", [format_int(p, 10) | some p in admin_ports])])
}
