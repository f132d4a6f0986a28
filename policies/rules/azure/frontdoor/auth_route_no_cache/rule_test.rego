package leakguard.rules.azure.frontdoor.auth_route_no_cache_test

import data.leakguard.rules.azure.frontdoor.auth_route_no_cache as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

route(values) := k.az("azurerm_cdn_frontdoor_route.account", object.union({"patterns_to_match": ["/account/*"]}, values), {})

failing_input := t.with_index([route({"cache": {"query_string_caching_behavior": "IgnoreQueryString"}})])

test_cached_account_route_fails if {
	k.summary(rule.deny) == {["azure-frontdoor-auth-no-cache", "test/azurerm_cdn_frontdoor_route.account", "Front Door route azurerm_cdn_frontdoor_route.account caches authenticated paths /account/*"]} with input as failing_input
}

test_uncached_route_and_static_route_pass if {
	count(rule.deny) == 0 with input as t.with_index([route({})])
	count(rule.deny) == 0 with input as t.with_index([route({"patterns_to_match": ["/static/*"], "cache": [{}]})])
}

test_unknown_cache_fails if {
	count(rule.deny) == 1 with input as t.with_index([k.unknown(route({}), ["cache"])])
}
