# METADATA
# title: NSG allows internet ingress outside web ports
# description: |
#   An Inbound Allow rule from "*", "Any", "Internet" or any /0 prefix (0.0.0.0/0, 10.0.0.0/0, ::/0) may only open the
#   web ports (internet_ingress_ports, default 80/443); SSH, RDP, database or all ports from
#   the internet expose hosts and data. Checked in inline security_rule blocks and in
#   azurerm_network_security_rule.
#   Unknowns: destination ports unknown at plan time are reported; a direction, access or
#   source set from another resource, a variable without a value or an expression is
#   reported as not verifiable unless the known parts rule the violation out; a source set
#   only from networks' own ranges (a VNet's or subnet's prefix, a public IP) is never the
#   internet and is not reported. Security rules the provider only computes (separate rule
#   resources manage them) are not reported.
# custom:
#   id: azure-nsg-internet-ingress
#   control: egress-restriction
#   cloud: azure
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Network monitoring and defences; segmentation
#   remediation: |
#     Limit internet ingress to 80/443 on the Application Gateway / Front Door subnet; reach
#     hosts through Azure Bastion.
#   construct: RestrictedNsg
#   runbook:
#     exposure: Hosts behind the network security group accept connections from the internet on ports other than 80/443
#     preserve:
#       - do: Save the NSG's rules as they are now
#         run: az network nsg show --name {{values.network_security_group_name|values.name}} --resource-group {{values.resource_group_name}}
#       - do: Find the NSG flow logs of the exposure window, and export them
#         run: az network watcher flow-log list --location {{region}}
#       - do: Export the control-plane changes in the exposure window
#         run: az monitor activity-log list --resource-group {{values.resource_group_name}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Turn the internet-facing rule to Deny
#         run: az network nsg rule update --nsg-name {{values.network_security_group_name|values.name}} --resource-group {{values.resource_group_name}} --name {{fill.rule-name}} --access Deny
#     verify:
#       - do: No Allow rule from Internet or * remains inbound except 80/443 to load balancers
#         run: az network nsg rule list --nsg-name {{values.network_security_group_name|values.name}} --resource-group {{values.resource_group_name}}
#   example: |
#     # Application Gateway subnet: only 443 from the internet; reach hosts through Azure Bastion.
#     resource "azurerm_network_security_rule" "https_in" {
#       name                        = "allow-https-from-internet"
#       resource_group_name         = azurerm_resource_group.shop.name
#       network_security_group_name = azurerm_network_security_group.appgw.name
#       priority                    = 100
#       direction                   = "Inbound"
#       access                      = "Allow"
#       protocol                    = "Tcp"
#       source_address_prefix       = "Internet"
#       source_port_range           = "*"
#       destination_address_prefix  = "VirtualNetwork"
#       destination_port_range      = "443"
#     }
package leakguard.rules.azure.network.nsg_internet_ingress

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

allowed := {format_int(p, 10) | some p in config.settings.internet_ingress_ports}

web_ports := concat("/", [format_int(p, 10) | some p in sort(config.settings.internet_ingress_ports)])

# A list, not a set: a set hashes each whole resource (lib/resources.rego, identity_documents).
# Each with the path prefix of its attributes in the resource (for what the input cannot show).
rules := array.concat(
	[[r, rule, "security_rule."] |
		some r in resources.of_type("azurerm_network_security_group")
		some rule in resources.objects(object.get(r.values, "security_rule", null))
	],
	[[r, r.values, ""] | some r in resources.of_type("azurerm_network_security_rule")],
)

sources(rule) := {s |
	some s in array.concat([object.get(rule, "source_address_prefix", null)], resources.as_list(object.get(rule, "source_address_prefixes", null)))
	resources.azure_internet_prefix(s)
}

# Ports as written: "443", "8000-8100", "*", or a number.
port_specs(rule) := [p |
	some v in array.concat([object.get(rule, "destination_port_range", null)], resources.as_list(object.get(rule, "destination_port_ranges", null)))
	p := port_text(v)
	p != ""
]

port_text(v) := v if is_string(v)

port_text(v) := format_int(v, 10) if is_number(v)

# "443" and "443-443" are one allowed port.
web(spec) if allowed[spec]

web(spec) if {
	parts := split(spec, "-")
	count(parts) == 2
	parts[0] == parts[1]
	allowed[parts[0]]
}

bad_ports(rule) := {p | some p in port_specs(rule); not web(p)}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some [r, rule, _] in rules
	lower(object.get(rule, "direction", "")) == "inbound"
	lower(object.get(rule, "access", "")) == "allow"
	srcs := sources(rule)
	count(srcs) > 0
	msg := message(r, rule, srcs)
}

message(r, rule, srcs) := sprintf("%s rule %s allows ports %s from %s", [r.address, object.get(rule, "name", ""), concat(", ", sort(bad_ports(rule))), concat(", ", sort(srcs))]) if {
	count(bad_ports(rule)) > 0
}

message(r, rule, srcs) := sprintf("%s rule %s allows ports unknown at plan time from %s", [r.address, object.get(rule, "name", ""), concat(", ", sort(srcs))]) if {
	count(port_specs(rule)) == 0
}

# ---------------------------------------------------------------------------------------
# What the input cannot show: a direction, access or source set from another resource, a
# variable without a value or an expression. Reported unless the known parts rule the
# violation out (outbound, deny, a source that is not the internet, only web ports).

setting(r, rule, prefix, attr) := lower(v) if {
	v := resources.block_value(r, rule, attr, concat("", [prefix, attr]))
	is_string(v)
}

# The source cannot be read and may be the internet (a network's own range never is).
source_unknown(r, rule, prefix) if {
	some attr in ["source_address_prefix", "source_address_prefixes"]
	unreadable_source(object.get(rule, attr, null))
	resources.unresolved_address(r, concat("", [prefix, attr]))
}

unreadable_source(null)

unreadable_source(v) if {
	some x in resources.as_list(v)
	is_string(x)
	contains(x, "${")
}

unknown_parts(r, rule, prefix) := [name |
	some name in ["direction", "access", "source address"]
	unknown_part(r, rule, prefix, name)
]

unknown_part(r, rule, prefix, "direction") if setting(r, rule, prefix, "direction") == "unknown"

unknown_part(r, rule, prefix, "access") if setting(r, rule, prefix, "access") == "unknown"

unknown_part(r, rule, prefix, "source address") if source_unknown(r, rule, prefix)

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some [r, rule, prefix] in rules
	setting(r, rule, prefix, "direction") in {"inbound", "unknown"}
	setting(r, rule, prefix, "access") in {"allow", "unknown"}
	some_internet_source(r, rule, prefix)
	not only_web_ports(rule)
	parts := unknown_parts(r, rule, prefix)
	count(parts) > 0
	msg := sprintf("%s rule %s has %s unknown at plan time; that it allows no internet ingress to ports other than %s cannot be verified", [r.address, object.get(rule, "name", ""), concat(", ", parts), web_ports])
}

some_internet_source(_, rule, _) if count(sources(rule)) > 0

some_internet_source(r, rule, prefix) if source_unknown(r, rule, prefix)

only_web_ports(rule) if {
	count(port_specs(rule)) > 0
	count(bad_ports(rule)) == 0
}

# The rules as a whole set from what the input cannot show (dynamic blocks over an unknown
# collection). Left unset with separate azurerm_network_security_rule resources managing them,
# they are the provider's to compute and not reported.
deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("azurerm_network_security_group")
	resources.unresolved(r, "security_rule")
	count(resources.objects(object.get(r.values, "security_rule", null))) == 0
	msg := sprintf("%s has security rules unknown at plan time; that they allow no internet ingress to ports other than %s cannot be verified", [r.address, web_ports])
}
