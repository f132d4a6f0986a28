# METADATA
# title: Application Gateway without a WAF in Prevention mode
# description: |
#   An azurerm_application_gateway in front of APIs must block (not just log) injection and
#   malformed input: waf_configuration { enabled = true, firewall_mode = "Prevention" }, or
#   firewall_policy_id referring to an azurerm_web_application_firewall_policy whose
#   policy_settings mode is Prevention and enabled (the policy defaults are Prevention and
#   enabled).
#   Unknowns: a policy referred to but not in the input, or a mode unknown at plan time,
#   is not proven and is reported.
# custom:
#   id: azure-appgw-waf-prevention
#   control: api-input-validation
#   cloud: azure
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Network monitoring and defences; secure development and coding practices
#   remediation: |
#     Use the WAF_v2 SKU with firewall_policy_id = an azurerm_web_application_firewall_policy
#     in Prevention mode (OWASP managed rule set).
#   construct: SecureFrontDoor
#   fix:
#     summary: Run the WAF in Prevention mode
#     edits:
#       - on: azurerm_application_gateway
#         nested: waf_configuration
#         where: { name: firewall_mode, values: ["Detection"] }
#         set: { firewall_mode: '"Prevention"' }
#       - on: azurerm_web_application_firewall_policy
#         nested: policy_settings
#         where: { name: mode, values: ["Detection"] }
#         set: { mode: '"Prevention"' }
#   example: |
#     resource "azurerm_web_application_firewall_policy" "shop" {
#       name                = "shop-waf"
#       location            = azurerm_resource_group.shop.location
#       resource_group_name = azurerm_resource_group.shop.name
#       policy_settings { mode = "Prevention" }
#       managed_rules {
#         managed_rule_set {
#           type    = "OWASP"
#           version = "3.2"
#         }
#       }
#     }
#
#     # On the gateway (sku WAF_v2): firewall_policy_id = azurerm_web_application_firewall_policy.shop.id
package leakguard.rules.azure.network.appgw_waf_prevention

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

inline_prevention(g) if {
	some w in resources.objects(object.get(g.values, "waf_configuration", null))
	w.enabled == true
	w.firewall_mode == "Prevention"
}

policy_prevention(p) if {
	not resources.unknown_at(p, "policy_settings")
	every s in resources.objects(object.get(p.values, "policy_settings", null)) {
		object.get(s, "mode", "Prevention") == "Prevention"
		object.get(s, "enabled", true) == true
	}
}

prevention(g) if inline_prevention(g)

prevention(g) if {
	some p in resources.linked_to(g, "firewall_policy_id")
	p.type == "azurerm_web_application_firewall_policy"
	policy_prevention(p)
}

deny contains finding.new(rego.metadata.chain(), g, msg) if {
	some g in resources.of_type("azurerm_application_gateway")
	not prevention(g)
	msg := sprintf("Application Gateway %s has no WAF in Prevention mode", [g.address])
}
