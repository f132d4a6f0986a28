package leakguard.rules.aws.cloudfront.auth_path_no_cache_test

import data.leakguard.rules.aws.cloudfront.auth_path_no_cache as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

dist(behaviours, refs) := t.resource("aws_cloudfront_distribution.shop", {"ordered_cache_behavior": behaviours}, refs)

disabled := "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"

optimized := "658327ea-f89d-4fab-a63d-7e88639e58f6"

failing_input := t.with_index([dist([{"path_pattern": "/account/*", "cache_policy_id": optimized}, {"path_pattern": "/checkout*", "cache_policy_id": disabled}], {})])

test_cached_account_path_fails if {
	k.summary(rule.deny) == {["aws-cloudfront-auth-no-cache", "test/aws_cloudfront_distribution.shop", "CloudFront distribution aws_cloudfront_distribution.shop may cache authenticated paths /account/*"]} with input as failing_input
}

test_caching_disabled_passes if {
	count(rule.deny) == 0 with input as t.with_index([dist([{"path_pattern": "/account*", "cache_policy_id": disabled}, {"path_pattern": "/static/*", "cache_policy_id": optimized}], {})])
}

test_legacy_zero_ttls_pass_and_unknown_ttl_fails if {
	count(rule.deny) == 0 with input as t.with_index([dist([{"path_pattern": "/api/orders", "cache_policy_id": null, "default_ttl": 0, "max_ttl": 0, "min_ttl": 0}], {})])
	count(rule.deny) == 1 with input as t.with_index([dist([{"path_pattern": "/api/orders", "min_ttl": 0}], {})])
}

test_own_no_cache_policy_by_reference_passes if {
	p := t.resource("aws_cloudfront_cache_policy.none", {"max_ttl": 0, "default_ttl": 0, "min_ttl": 0}, {})
	d := dist({"path_pattern": "/api/*", "cache_policy_id": "${aws_cloudfront_cache_policy.none.id}"}, {"ordered_cache_behavior.cache_policy_id": ["aws_cloudfront_cache_policy.none"]})
	count(rule.deny) == 0 with input as t.with_index([p, d])
}

test_managed_policy_data_source_and_unknown_reference if {
	ds := k.data_source("aws_cloudfront_cache_policy.disabled", {"name": "Managed-CachingDisabled"})
	d := dist([{"path_pattern": "/api/*"}], {"ordered_cache_behavior.cache_policy_id": ["data.aws_cloudfront_cache_policy.disabled"]})
	count(rule.deny) == 0 with input as t.with_index([ds, d])
	caching := t.resource("aws_cloudfront_cache_policy.long", {"max_ttl": 86400}, {})
	mixed := dist([{"path_pattern": "/api/*", "cache_policy_id": "${data.aws_cloudfront_cache_policy.disabled.id}"}, {"path_pattern": "/static/*", "cache_policy_id": "${aws_cloudfront_cache_policy.long.id}"}], {"ordered_cache_behavior.cache_policy_id": ["data.aws_cloudfront_cache_policy.disabled", "aws_cloudfront_cache_policy.long"]})
	count(rule.deny) == 0 with input as t.with_index([ds, caching, mixed])
	unknown := dist([{"path_pattern": "/api/*"}, {"path_pattern": "/static/*"}], {"ordered_cache_behavior.cache_policy_id": ["data.aws_cloudfront_cache_policy.disabled", "aws_cloudfront_cache_policy.long"]})
	count(rule.deny) == 1 with input as t.with_index([ds, caching, unknown])
}

# The two ways a configured value is unknown: set from a resource (a plan), or unlinked.
hows(path) := [{"unknown": [path], "references": {path: ["test/terraform_data.elsewhere"]}}, {"unknown": [path], "unlinked": [path]}]

test_behaviours_unknown_fail_unverified if {
	msg := "CloudFront distribution aws_cloudfront_distribution.shop has ordered cache behaviours unknown at plan time; that it does not cache authenticated paths cannot be verified"
	every how in hows("ordered_cache_behavior") {
		k.summary(rule.deny) == {["aws-cloudfront-auth-no-cache", "test/aws_cloudfront_distribution.shop", msg]} with input as t.with_index([object.union(t.resource("aws_cloudfront_distribution.shop", {}, {}), how)])
	}
}

test_behaviours_computed_pass if {
	count(rule.deny) == 0 with input as t.with_index([object.union(t.resource("aws_cloudfront_distribution.shop", {}, {}), {"unknown": ["ordered_cache_behavior"]})])
}

test_cached_behaviour_with_unknown_path_fails_unverified if {
	msg := "CloudFront distribution aws_cloudfront_distribution.shop caches a behaviour whose path pattern is unknown at plan time; that it is not an authenticated path cannot be verified"
	every how in hows("ordered_cache_behavior.path_pattern") {
		k.summary(rule.deny) == {["aws-cloudfront-auth-no-cache", "test/aws_cloudfront_distribution.shop", msg]} with input as t.with_index([object.union(dist([{"cache_policy_id": optimized}], {}), how)])
	}
}

test_uncached_behaviour_with_unknown_path_passes if {
	every how in hows("ordered_cache_behavior.path_pattern") {
		count(rule.deny) == 0 with input as t.with_index([object.union(dist([{"cache_policy_id": disabled}], {}), how)])
	}
}
