# METADATA
# title: NSG allows internet ingress outside web ports
# description: |
#   An Inbound Allow rule from "*", "Any", "Internet" or any /0 prefix (0.0.0.0/0, 10.0.0.0/0, ::/0) may only open the
#   web ports (internet_ingress_ports, default 80/443); SSH, RDP, database or all ports from
#   the internet expose hosts and data. Checked in inline security_rule blocks and in
#   azurerm_network_security_rule.
#   Unknowns: sources unknown at plan time are other resources' ranges and are not
#   reported; destination ports unknown at plan time are reported.
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

# A list, not a set: a set hashes each whole resource (lib/resources.rego, identity_documents).
rules := array.concat(
	[[r, rule] |
		some r in resources.of_type("azurerm_network_security_group")
		some rule in resources.objects(object.get(r.values, "security_rule", null))
	],
	[[r, r.values] | some r in resources.of_type("azurerm_network_security_rule")],
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
	some [r, rule] in rules
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
