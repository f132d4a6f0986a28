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

# Patterns set from another resource (a plan's reference), a variable without a value
# (unlinked) or an expression: a caching route is reported as not verifiable.
unknown_patterns(extra) := object.union(k.unknown(k.az("azurerm_cdn_frontdoor_route.account", {"cache": {"query_string_caching_behavior": "IgnoreQueryString"}}, {}), ["patterns_to_match"]), extra)

test_unknown_patterns_cannot_be_verified if {
	msg := "Front Door route azurerm_cdn_frontdoor_route.account has patterns_to_match unknown at plan time; that it caches no authenticated path (/account*, /checkout*, /api/*) cannot be verified"
	k.summary(rule.deny) == {["azure-frontdoor-auth-no-cache", "test/azurerm_cdn_frontdoor_route.account", msg]} with input as t.with_index([unknown_patterns({"references": {"patterns_to_match": ["test/terraform_data.elsewhere"]}})])
	k.summary(rule.deny) == {["azure-frontdoor-auth-no-cache", "test/azurerm_cdn_frontdoor_route.account", msg]} with input as t.with_index([unknown_patterns({"unlinked": ["patterns_to_match"]})])
	k.summary(rule.deny) == {["azure-frontdoor-auth-no-cache", "test/azurerm_cdn_frontdoor_route.account", msg]} with input as t.with_index([route({"patterns_to_match": ["/static/*", "${var.path}"], "cache": {}})])
	count(rule.deny) == 0 with input as t.with_index([object.union(k.unknown(k.az("azurerm_cdn_frontdoor_route.account", {}, {}), ["patterns_to_match"]), {"unlinked": ["patterns_to_match"]})])
}
