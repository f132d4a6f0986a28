package leakguard.rules.aws.cloudfront.script_csp_test

import data.leakguard.rules.aws.cloudfront.script_csp as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

headers(csp) := t.resource("aws_cloudfront_response_headers_policy.checkout", {"security_headers_config": {"content_security_policy": {"content_security_policy": csp, "override": true}}}, {})

dist(policy_id) := t.resource("aws_cloudfront_distribution.shop", {"ordered_cache_behavior": [{"path_pattern": "/checkout*", "response_headers_policy_id": policy_id}]}, {"ordered_cache_behavior.response_headers_policy_id": ["aws_cloudfront_response_headers_policy.checkout"]})

ref := "${aws_cloudfront_response_headers_policy.checkout.id}"

failing_input := t.with_index([headers("default-src 'self'; script-src 'self' 'unsafe-inline' https://*.tags.example"), dist(ref)])

test_wildcard_and_inline_fail if {
	k.summary(rule.deny) == {["aws-cloudfront-script-csp", "test/aws_cloudfront_distribution.shop", "CloudFront distribution aws_cloudfront_distribution.shop behaviour /checkout* lets third-party scripts run unrestricted: script source 'unsafe-inline', script source https://*.tags.example"]} with input as failing_input
}

test_strict_csp_passes if {
	count(rule.deny) == 0 with input as t.with_index([headers("default-src 'self'; script-src 'self' https://js.stripe.com; object-src 'none'"), dist(ref)])
	count(rule.deny) == 0 with input as t.with_index([headers("default-src 'self'"), dist(ref)])
}

test_managed_policy_without_csp_fails if {
	d := t.resource("aws_cloudfront_distribution.shop", {"ordered_cache_behavior": {"path_pattern": "/account/*", "response_headers_policy_id": "67f7725c-6f97-4210-82d7-5512b31e9d03"}}, {})
	k.summary(rule.deny) == {["aws-cloudfront-script-csp", "test/aws_cloudfront_distribution.shop", "CloudFront distribution aws_cloudfront_distribution.shop behaviour /account/* lets third-party scripts run unrestricted: no response headers policy with a CSP the tool can read"]} with input as t.with_index([d])
}

test_policy_without_csp_or_script_directive_fails if {
	p := t.resource("aws_cloudfront_response_headers_policy.checkout", {"security_headers_config": [{"frame_options": [{"frame_option": "DENY"}]}]}, {})
	count(rule.deny) == 1 with input as t.with_index([p, dist(ref)])
	count(rule.deny) == 1 with input as t.with_index([headers("object-src 'none'"), dist(ref)])
}

test_unknown_policy_id_uses_references if {
	d := t.resource("aws_cloudfront_distribution.shop", {"ordered_cache_behavior": [{"path_pattern": "/checkout*"}]}, {"ordered_cache_behavior.response_headers_policy_id": ["aws_cloudfront_response_headers_policy.checkout"]})
	count(rule.deny) == 0 with input as t.with_index([headers("script-src 'self'"), d])
}

test_other_paths_are_not_checked if {
	d := t.resource("aws_cloudfront_distribution.shop", {"ordered_cache_behavior": [{"path_pattern": "/blog/*"}]}, {})
	count(rule.deny) == 0 with input as t.with_index([d])
}

# The two ways a configured value is unknown: set from a resource (a plan), or unlinked.
hows(path) := [{"unknown": [path], "references": {path: ["test/terraform_data.elsewhere"]}}, {"unknown": [path], "unlinked": [path]}]

test_behaviours_unknown_fail_unverified if {
	msg := "CloudFront distribution aws_cloudfront_distribution.shop has ordered cache behaviours unknown at plan time; that its checkout and account paths restrict third-party scripts cannot be verified"
	every how in hows("ordered_cache_behavior") {
		k.summary(rule.deny) == {["aws-cloudfront-script-csp", "test/aws_cloudfront_distribution.shop", msg]} with input as t.with_index([object.union(t.resource("aws_cloudfront_distribution.shop", {}, {}), how)])
	}
}

test_behaviours_computed_pass if {
	count(rule.deny) == 0 with input as t.with_index([object.union(t.resource("aws_cloudfront_distribution.shop", {}, {}), {"unknown": ["ordered_cache_behavior"]})])
}

test_behaviour_with_unknown_path_and_no_policy_fails_unverified if {
	msg := "CloudFront distribution aws_cloudfront_distribution.shop has a behaviour whose path pattern is unknown at plan time and lets third-party scripts run unrestricted (no response headers policy with a CSP the tool can read); that it serves no checkout or account path cannot be verified"
	d := t.resource("aws_cloudfront_distribution.shop", {"ordered_cache_behavior": [{"response_headers_policy_id": "67f7725c-6f97-4210-82d7-5512b31e9d03"}]}, {})
	every how in [{"unknown": ["ordered_cache_behavior.path_pattern"], "references": {"ordered_cache_behavior.path_pattern": ["test/terraform_data.elsewhere"]}}, {"unknown": ["ordered_cache_behavior.path_pattern"], "unlinked": ["ordered_cache_behavior.path_pattern"]}] {
		k.summary(rule.deny) == {["aws-cloudfront-script-csp", "test/aws_cloudfront_distribution.shop", msg]} with input as t.with_index([object.union(d, how)])
	}
}

test_behaviour_with_unknown_path_and_strict_policy_passes if {
	d := t.resource("aws_cloudfront_distribution.shop", {"ordered_cache_behavior": [{"response_headers_policy_id": ref}]}, {"ordered_cache_behavior.response_headers_policy_id": ["aws_cloudfront_response_headers_policy.checkout"]})
	count(rule.deny) == 0 with input as t.with_index([headers("default-src 'self'"), object.union(d, {"unknown": ["ordered_cache_behavior.path_pattern"], "unlinked": ["ordered_cache_behavior.path_pattern"]})])
}
