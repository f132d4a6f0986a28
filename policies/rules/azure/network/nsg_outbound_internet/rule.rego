# METADATA
# title: NSG allows outbound traffic to the internet
# description: |
#   An Outbound Allow rule whose destination is "*", "Any", "Internet" or any /0 prefix
#   lets a compromised workload send customer data anywhere. Checked in inline security_rule
#   blocks of azurerm_network_security_group and in azurerm_network_security_rule.
#   Unknowns: a direction, access or destination set from another resource, a variable
#   without a value or an expression is reported as not verifiable unless the known parts
#   rule the violation out; a destination set only from networks' own ranges (a VNet's or
#   subnet's prefix, a public IP) is never the internet and is not reported. Security rules
#   the provider only computes (separate rule resources manage them) are not reported.
# custom:
#   id: azure-nsg-outbound-internet
#   control: egress-restriction
#   cloud: azure
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Network monitoring and defences; limiting ports, services and protocols
#   remediation: |
#     Allow outbound traffic only to service tags or address ranges the workload needs
#     (e.g. Storage.WestUS2) and route the rest through Azure Firewall.
#   construct: RestrictedNsg
#   fix:
#     summary: Replace the internet destination with a placeholder prefix of the destinations the rule may reach
#     edits:
#       - on: azurerm_network_security_rule
#         where: { name: destination_address_prefix, values: ["*", Internet, internet, Any, any, "0.0.0.0/0"] }
#         set: { destination_address_prefix: '"192.0.2.0/24"' }
#         comment: { destination_address_prefix: "leakguard: placeholder (TEST-NET), name the allowed destination prefix or service tag" }
#     cdktf:
#       option: "outbound: an allow-list of peers on named ports (outbound Allow to the internet is refused)"
#       snippet: |
#         new RestrictedNsg(this, 'app', { name: 'nsg-shop-app', resourceGroupName: rg.name, location: 'westus2', outbound: [{ name: 'payments-api', priority: 100, protocol: 'Tcp', ports: [443], peers: ['192.0.2.0/24'] }] });
#   runbook:
#     exposure: Hosts behind the network security group can send data to any internet address (an exfiltration path)
#     preserve:
#       - do: Save the NSG's rules as they are now
#         run: az network nsg show --name {{values.network_security_group_name|values.name}} --resource-group {{values.resource_group_name}}
#       - do: Find the NSG flow logs of the exposure window, and export them
#         run: az network watcher flow-log list --location {{region}}
#       - do: Export the control-plane changes in the exposure window
#         run: az monitor activity-log list --resource-group {{values.resource_group_name}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Turn the rule to Deny (workloads lose internet egress until allowed destinations are added)
#         run: az network nsg rule update --nsg-name {{values.network_security_group_name|fill.nsg-name}} --resource-group {{values.resource_group_name}} --name {{values.name}} --access Deny
#         destructive: true
#     verify:
#       - do: No Allow rule to Internet or * remains outbound
#         run: az network nsg rule list --nsg-name {{values.network_security_group_name|fill.nsg-name}} --resource-group {{values.resource_group_name}}
#   example: |
#     # Outbound only to the service tags the workload needs; the rest goes through Azure Firewall.
#     resource "azurerm_network_security_rule" "to_storage" {
#       name                        = "allow-storage-out"
#       resource_group_name         = azurerm_resource_group.shop.name
#       network_security_group_name = azurerm_network_security_group.app.name
#       priority                    = 100
#       direction                   = "Outbound"
#       access                      = "Allow"
#       protocol                    = "Tcp"
#       source_address_prefix       = "VirtualNetwork"
#       source_port_range           = "*"
#       destination_address_prefix  = "Storage.WestUS2"
#       destination_port_range      = "443"
#     }
package leakguard.rules.azure.network.nsg_outbound_internet

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

# A list, not a set: a set hashes each whole resource (lib/resources.rego, identity_documents).
# Each with the path prefix of its attributes in the resource (for what the input cannot show).
rules := array.concat(
	[[r, rule, "security_rule."] |
		some r in resources.of_type("azurerm_network_security_group")
		some rule in resources.objects(object.get(r.values, "security_rule", null))
	],
	[[r, r.values, ""] | some r in resources.of_type("azurerm_network_security_rule")],
)

destinations(rule) := {d |
	some d in array.concat([object.get(rule, "destination_address_prefix", null)], resources.as_list(object.get(rule, "destination_address_prefixes", null)))
	resources.azure_internet_prefix(d)
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some [r, rule, _] in rules
	lower(object.get(rule, "direction", "")) == "outbound"
	lower(object.get(rule, "access", "")) == "allow"
	ds := destinations(rule)
	count(ds) > 0
	msg := sprintf("%s rule %s allows outbound traffic to %s", [r.address, object.get(rule, "name", ""), concat(", ", sort(ds))])
}

# ---------------------------------------------------------------------------------------
# What the input cannot show: a direction, access or destination set from another resource,
# a variable without a value or an expression. Reported unless the known parts rule the
# violation out (inbound, deny, a destination that is not the internet).

setting(r, rule, prefix, attr) := lower(v) if {
	v := resources.block_value(r, rule, attr, concat("", [prefix, attr]))
	is_string(v)
}

# The destination cannot be read and may be the internet (a network's own range never is).
destination_unknown(r, rule, prefix) if {
	some attr in ["destination_address_prefix", "destination_address_prefixes"]
	unreadable_address(object.get(rule, attr, null))
	resources.unresolved_address(r, concat("", [prefix, attr]))
}

unreadable_address(null)

unreadable_address(v) if {
	some x in resources.as_list(v)
	is_string(x)
	contains(x, "${")
}

unknown_parts(r, rule, prefix) := [name |
	some name in ["direction", "access", "destination address"]
	unknown_part(r, rule, prefix, name)
]

unknown_part(r, rule, prefix, "direction") if setting(r, rule, prefix, "direction") == "unknown"

unknown_part(r, rule, prefix, "access") if setting(r, rule, prefix, "access") == "unknown"

unknown_part(r, rule, prefix, "destination address") if destination_unknown(r, rule, prefix)

some_internet_destination(_, rule, _) if count(destinations(rule)) > 0

some_internet_destination(r, rule, prefix) if destination_unknown(r, rule, prefix)

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some [r, rule, prefix] in rules
	setting(r, rule, prefix, "direction") in {"outbound", "unknown"}
	setting(r, rule, prefix, "access") in {"allow", "unknown"}
	some_internet_destination(r, rule, prefix)
	parts := unknown_parts(r, rule, prefix)
	count(parts) > 0
	msg := sprintf("%s rule %s has %s unknown at plan time; that it allows no outbound traffic to the internet cannot be verified", [r.address, object.get(rule, "name", ""), concat(", ", parts)])
}

# The rules as a whole set from what the input cannot show (dynamic blocks over an unknown
# collection). Left unset with separate azurerm_network_security_rule resources managing them,
# they are the provider's to compute and not reported.
deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("azurerm_network_security_group")
	resources.unresolved(r, "security_rule")
	count(resources.objects(object.get(r.values, "security_rule", null))) == 0
	msg := sprintf("%s has security rules unknown at plan time; that they allow no outbound traffic to the internet cannot be verified", [r.address])
}
