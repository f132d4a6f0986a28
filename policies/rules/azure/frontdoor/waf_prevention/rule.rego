# METADATA
# title: Front Door profile without a WAF in Prevention mode
# description: |
#   Every azurerm_cdn_frontdoor_profile needs an azurerm_cdn_frontdoor_security_policy
#   linking it to an azurerm_cdn_frontdoor_firewall_policy that is enabled and in
#   Prevention mode; Detection only logs attacks on the APIs behind it. A classic
#   azurerm_frontdoor needs every frontend_endpoint linked to an enabled
#   azurerm_frontdoor_firewall_policy in Prevention mode.
#   Unknowns: a firewall policy referred to but not in the input, or a mode unknown at plan
#   time, is not proven and is reported.
# custom:
#   id: azure-frontdoor-waf-prevention
#   control: api-input-validation
#   cloud: azure
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Network monitoring and defences; secure development and coding practices
#   remediation: |
#     Add azurerm_cdn_frontdoor_firewall_policy { mode = "Prevention", managed_rule … } and an
#     azurerm_cdn_frontdoor_security_policy associating it with the profile's domains.
#   construct: SecureFrontDoor
#   example: |
#     # azurerm_cdn_frontdoor_firewall_policy.shop: mode = "Prevention", enabled = true and
#     # managed_rule { type = "Microsoft_DefaultRuleSet", version = "2.1", action = "Block" }.
#     resource "azurerm_cdn_frontdoor_security_policy" "shop" {
#       name                     = "shop-waf"
#       cdn_frontdoor_profile_id = azurerm_cdn_frontdoor_profile.shop.id
#       security_policies {
#         firewall {
#           cdn_frontdoor_firewall_policy_id = azurerm_cdn_frontdoor_firewall_policy.shop.id
#           association {
#             patterns_to_match = ["/*"]
#             domain { cdn_frontdoor_domain_id = azurerm_cdn_frontdoor_endpoint.shop.id }
#           }
#         }
#       }
#     }
package leakguard.rules.azure.frontdoor.waf_prevention

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

waf_attr := "security_policies.firewall.cdn_frontdoor_firewall_policy_id"

prevention(p) if {
	p.values.mode == "Prevention"
	object.get(p.values, "enabled", true) == true
}

protected(profile) if {
	some sp in resources.linked_from(profile, "azurerm_cdn_frontdoor_security_policy", "cdn_frontdoor_profile_id")
	some p in resources.linked_to(sp, waf_attr)
	prevention(p)
}

classic_attr := "frontend_endpoint.web_application_firewall_policy_link_id"

# Classic Front Door: each frontend endpoint names its WAF policy.
classic_problems(fd) := ({sprintf("frontend endpoint %s has no WAF policy", [object.get(e, "name", "")]) |
	some e in resources.objects(object.get(fd.values, "frontend_endpoint", null))
	object.get(e, "web_application_firewall_policy_link_id", null) in {null, ""}
	not resources.has_reference(fd, classic_attr)
} | {sprintf("WAF policy %s is not enabled in Prevention mode", [p.address]) |
	some p in resources.linked_to(fd, classic_attr)
	not prevention(p)
}) | {"its frontend endpoints are unknown at plan time" | resources.unknown_at(fd, "frontend_endpoint")}

deny contains finding.new(rego.metadata.chain(), fd, msg) if {
	some fd in resources.of_type("azurerm_frontdoor")
	problems := classic_problems(fd)
	count(problems) > 0
	msg := sprintf("Front Door %s is not protected by a WAF in Prevention mode: %s", [fd.address, concat("; ", sort(problems))])
}

deny contains finding.new(rego.metadata.chain(), profile, msg) if {
	some profile in resources.of_type("azurerm_cdn_frontdoor_profile")
	not protected(profile)
	msg := sprintf("Front Door profile %s has no security policy with a WAF in Prevention mode", [profile.address])
}
