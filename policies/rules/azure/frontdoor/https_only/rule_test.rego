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
