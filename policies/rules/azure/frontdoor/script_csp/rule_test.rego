package leakguard.rules.azure.frontdoor.script_csp_test

import data.leakguard.rules.azure.frontdoor.script_csp as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

route := k.az("azurerm_cdn_frontdoor_route.checkout", {"patterns_to_match": ["/checkout/*"]}, {"cdn_frontdoor_rule_set_ids": ["azurerm_cdn_frontdoor_rule_set.csp"]})

rule_set := k.az("azurerm_cdn_frontdoor_rule_set.csp", {"name": "csp"}, {})

csp_rule(csp) := k.az("azurerm_cdn_frontdoor_rule.csp", {"actions": {"response_header_action": [{"header_action": "Overwrite", "header_name": "Content-Security-Policy", "value": csp}]}}, {"cdn_frontdoor_rule_set_id": ["azurerm_cdn_frontdoor_rule_set.csp"]})

failing_input := t.with_index([route, rule_set, csp_rule("script-src *")])

test_wildcard_script_source_fails if {
	k.summary(rule.deny) == {["azure-frontdoor-script-csp", "test/azurerm_cdn_frontdoor_route.checkout", "Front Door route azurerm_cdn_frontdoor_route.checkout (/checkout/*) lets third-party scripts run unrestricted: script source *"]} with input as failing_input
}

test_strict_csp_passes if {
	count(rule.deny) == 0 with input as t.with_index([route, rule_set, csp_rule("default-src 'self'; script-src 'self' https://js.stripe.com")])
}

test_route_without_rule_set_fails if {
	r := k.az("azurerm_cdn_frontdoor_route.checkout", {"patterns_to_match": ["/account/*"]}, {})
	k.summary(rule.deny) == {["azure-frontdoor-script-csp", "test/azurerm_cdn_frontdoor_route.checkout", "Front Door route azurerm_cdn_frontdoor_route.checkout (/account/*) lets third-party scripts run unrestricted: no Content-Security-Policy response header"]} with input as t.with_index([r])
}

# Patterns set from another resource (a plan's reference), a variable without a value
# (unlinked) or an expression: a route with a script problem is reported as not verifiable.
unknown_patterns(extra) := object.union(k.unknown(k.az("azurerm_cdn_frontdoor_route.checkout", {}, {"cdn_frontdoor_rule_set_ids": ["azurerm_cdn_frontdoor_rule_set.csp"]}), ["patterns_to_match"]), extra)

test_unknown_patterns_cannot_be_verified if {
	msg := "Front Door route azurerm_cdn_frontdoor_route.checkout has patterns_to_match unknown at plan time; that it serves no script-controlled path (/account*, /checkout*) without a strict script policy (script source *) cannot be verified"
	k.summary(rule.deny) == {["azure-frontdoor-script-csp", "test/azurerm_cdn_frontdoor_route.checkout", msg]} with input as t.with_index([unknown_patterns({"references": {"cdn_frontdoor_rule_set_ids": ["test/azurerm_cdn_frontdoor_rule_set.csp"], "patterns_to_match": ["test/terraform_data.elsewhere"]}}), rule_set, csp_rule("script-src *")])
	k.summary(rule.deny) == {["azure-frontdoor-script-csp", "test/azurerm_cdn_frontdoor_route.checkout", msg]} with input as t.with_index([unknown_patterns({"unlinked": ["patterns_to_match"]}), rule_set, csp_rule("script-src *")])
	count(rule.deny) == 0 with input as t.with_index([unknown_patterns({"unlinked": ["patterns_to_match"]}), rule_set, csp_rule("script-src 'self'")])
}
