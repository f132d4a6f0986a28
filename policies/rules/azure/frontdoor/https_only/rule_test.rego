package leakguard.rules.azure.frontdoor.https_only_test

import data.leakguard.rules.azure.frontdoor.https_only as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

route(values) := k.az("azurerm_cdn_frontdoor_route.site", values, {})

failing_input := t.with_index([route({"supported_protocols": ["Http", "Https"], "https_redirect_enabled": false})])

test_http_without_redirect_fails if {
	k.summary(rule.deny) == {["azure-frontdoor-https-only", "test/azurerm_cdn_frontdoor_route.site", "Front Door route azurerm_cdn_frontdoor_route.site serves HTTP without redirecting to HTTPS"]} with input as failing_input
}

test_redirect_and_https_only_pass if {
	count(rule.deny) == 0 with input as t.with_index([route({"supported_protocols": ["Http", "Https"]})])
	count(rule.deny) == 0 with input as t.with_index([route({"supported_protocols": ["Https"], "https_redirect_enabled": false})])
}

test_unknown_redirect_fails if {
	count(rule.deny) == 1 with input as t.with_index([k.unknown(route({"supported_protocols": ["Http"]}), ["https_redirect_enabled"])])
}

test_cdn_endpoint if {
	k.summary(rule.deny) == {["azure-frontdoor-https-only", "test/azurerm_cdn_endpoint.e", "CDN endpoint azurerm_cdn_endpoint.e allows HTTP (is_http_allowed is not false)"]} with input as t.with_index([k.az("azurerm_cdn_endpoint.e", {}, {})])
	count(rule.deny) == 0 with input as t.with_index([k.az("azurerm_cdn_endpoint.e", {"is_http_allowed": false}, {})])
}

# Protocols set from another resource (a plan's reference), a variable without a value
# (unlinked) or an expression: reported as not verifiable unless the route redirects.
unknown_protocols(values, extra) := object.union(k.unknown(route(values), ["supported_protocols"]), extra)

test_unknown_protocols_cannot_be_verified if {
	msg := "Front Door route azurerm_cdn_frontdoor_route.site has supported_protocols unknown at plan time; that it serves no HTTP without redirecting to HTTPS cannot be verified"
	k.summary(rule.deny) == {["azure-frontdoor-https-only", "test/azurerm_cdn_frontdoor_route.site", msg]} with input as t.with_index([unknown_protocols({"https_redirect_enabled": false}, {"references": {"supported_protocols": ["test/terraform_data.elsewhere"]}})])
	k.summary(rule.deny) == {["azure-frontdoor-https-only", "test/azurerm_cdn_frontdoor_route.site", msg]} with input as t.with_index([unknown_protocols({"https_redirect_enabled": false}, {"unlinked": ["supported_protocols"]})])
	k.summary(rule.deny) == {["azure-frontdoor-https-only", "test/azurerm_cdn_frontdoor_route.site", msg]} with input as t.with_index([route({"supported_protocols": ["${var.protocol}"], "https_redirect_enabled": false})])
	count(rule.deny) == 0 with input as t.with_index([unknown_protocols({"https_redirect_enabled": true}, {"unlinked": ["supported_protocols"]})])
}
