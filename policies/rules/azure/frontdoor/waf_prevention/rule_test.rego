package leakguard.rules.azure.frontdoor.waf_prevention_test

import data.leakguard.rules.azure.frontdoor.waf_prevention as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

profile := k.az("azurerm_cdn_frontdoor_profile.fd", {"sku_name": "Premium_AzureFrontDoor"}, {})

waf(mode) := k.az("azurerm_cdn_frontdoor_firewall_policy.waf", {"mode": mode, "enabled": true}, {})

sp := k.az("azurerm_cdn_frontdoor_security_policy.sp", {}, {"cdn_frontdoor_profile_id": ["azurerm_cdn_frontdoor_profile.fd"], "security_policies.firewall.cdn_frontdoor_firewall_policy_id": ["azurerm_cdn_frontdoor_firewall_policy.waf"]})

failing_input := t.with_index([profile, waf("Detection"), sp])

test_detection_fails if {
	k.summary(rule.deny) == {["azure-frontdoor-waf-prevention", "test/azurerm_cdn_frontdoor_profile.fd", "Front Door profile azurerm_cdn_frontdoor_profile.fd has no security policy with a WAF in Prevention mode"]} with input as failing_input
	count(rule.deny) == 1 with input as t.with_index([profile])
}

test_prevention_passes if {
	count(rule.deny) == 0 with input as t.with_index([profile, waf("Prevention"), sp])
}

classic(waf_ref) := k.az("azurerm_frontdoor.fd", {"frontend_endpoint": [{"name": "web", "web_application_firewall_policy_link_id": waf_ref}]}, {"frontend_endpoint.web_application_firewall_policy_link_id": [a | some a in ["azurerm_frontdoor_firewall_policy.waf"]; waf_ref != null]})

classic_waf(mode) := k.az("azurerm_frontdoor_firewall_policy.waf", {"mode": mode, "enabled": true}, {})

test_classic_front_door_is_read if {
	count(rule.deny) == 0 with input as t.with_index([classic("${azurerm_frontdoor_firewall_policy.waf.id}"), classic_waf("Prevention")])
	k.summary(rule.deny) == {["azure-frontdoor-waf-prevention", "test/azurerm_frontdoor.fd", "Front Door azurerm_frontdoor.fd is not protected by a WAF in Prevention mode: WAF policy azurerm_frontdoor_firewall_policy.waf is not enabled in Prevention mode"]} with input as t.with_index([classic("${azurerm_frontdoor_firewall_policy.waf.id}"), classic_waf("Detection")])
	k.summary(rule.deny) == {["azure-frontdoor-waf-prevention", "test/azurerm_frontdoor.fd", "Front Door azurerm_frontdoor.fd is not protected by a WAF in Prevention mode: frontend endpoint web has no WAF policy"]} with input as t.with_index([classic(null)])
	count(rule.deny) == 1 with input as t.with_index([k.unknown(k.az("azurerm_frontdoor.fd", {}, {}), ["frontend_endpoint"])])
}
