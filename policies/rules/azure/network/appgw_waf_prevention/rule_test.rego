package leakguard.rules.azure.network.appgw_waf_prevention_test

import data.leakguard.rules.azure.network.appgw_waf_prevention as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

gw(values, refs) := k.az("azurerm_application_gateway.api", values, refs)

failing_input := t.with_index([gw({"waf_configuration": {"enabled": true, "firewall_mode": "Detection"}}, {})])

test_detection_mode_fails if {
	k.summary(rule.deny) == {["azure-appgw-waf-prevention", "test/azurerm_application_gateway.api", "Application Gateway azurerm_application_gateway.api has no WAF in Prevention mode"]} with input as failing_input
	count(rule.deny) == 1 with input as t.with_index([gw({}, {})])
}

test_inline_prevention_passes if {
	count(rule.deny) == 0 with input as t.with_index([gw({"waf_configuration": [{"enabled": true, "firewall_mode": "Prevention"}]}, {})])
}

test_policy_reference_is_followed if {
	g := gw({"firewall_policy_id": "${azurerm_web_application_firewall_policy.p.id}"}, {"firewall_policy_id": ["azurerm_web_application_firewall_policy.p"]})
	good := k.az("azurerm_web_application_firewall_policy.p", {"policy_settings": {"mode": "Prevention", "enabled": true}}, {})
	count(rule.deny) == 0 with input as t.with_index([g, good])
	bad := k.az("azurerm_web_application_firewall_policy.p", {"policy_settings": [{"mode": "Detection"}]}, {})
	count(rule.deny) == 1 with input as t.with_index([g, bad])
	count(rule.deny) == 1 with input as t.with_index([g])
}
