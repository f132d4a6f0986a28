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
