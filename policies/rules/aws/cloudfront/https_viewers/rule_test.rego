package leakguard.rules.aws.cloudfront.https_viewers_test

import data.leakguard.rules.aws.cloudfront.https_viewers as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

dist(default_policy, ordered) := t.resource("aws_cloudfront_distribution.shop", {"default_cache_behavior": [{"viewer_protocol_policy": default_policy}], "ordered_cache_behavior": ordered}, {})

failing_input := t.with_index([dist("allow-all", [])])

test_allow_all_fails if {
	k.summary(rule.deny) == {["aws-cloudfront-https-viewers", "test/aws_cloudfront_distribution.shop", "CloudFront distribution aws_cloudfront_distribution.shop allows HTTP viewers on behaviours default"]} with input as failing_input
	count(rule.deny) == 1 with input as t.with_index([dist("https-only", [{"path_pattern": "/img/*", "viewer_protocol_policy": "allow-all"}])])
}

test_https_passes if {
	count(rule.deny) == 0 with input as t.with_index([dist("redirect-to-https", {"path_pattern": "/account*", "viewer_protocol_policy": "https-only"})])
}

test_policy_given_as_an_expression_is_unknown_not_raw_text if {
	d := dist("${var.policy}", [{"path_pattern": "${var.path}", "viewer_protocol_policy": "allow-all"}])
	k.summary(rule.deny) == {["aws-cloudfront-https-viewers", "test/aws_cloudfront_distribution.shop", "CloudFront distribution aws_cloudfront_distribution.shop allows HTTP viewers on behaviours one with a path pattern unknown at plan time; has a viewer protocol policy unknown at plan time on behaviours default"]} with input as t.with_index([d])
}

# The two ways a configured value is unknown: set from a resource (a plan), or unlinked.
hows(path) := [{"unknown": [path], "references": {path: ["test/terraform_data.elsewhere"]}}, {"unknown": [path], "unlinked": [path]}]

test_behaviours_unknown_fail_unverified if {
	every how in hows("default_cache_behavior") {
		k.summary(rule.deny) == {["aws-cloudfront-https-viewers", "test/aws_cloudfront_distribution.shop", "CloudFront distribution aws_cloudfront_distribution.shop has a default cache behaviour unknown at plan time"]} with input as t.with_index([object.union(t.resource("aws_cloudfront_distribution.shop", {}, {}), how)])
	}
	every how in hows("ordered_cache_behavior") {
		d := t.resource("aws_cloudfront_distribution.shop", {"default_cache_behavior": [{"viewer_protocol_policy": "https-only"}]}, {})
		k.summary(rule.deny) == {["aws-cloudfront-https-viewers", "test/aws_cloudfront_distribution.shop", "CloudFront distribution aws_cloudfront_distribution.shop has ordered cache behaviours unknown at plan time"]} with input as t.with_index([object.union(d, how)])
	}
}

test_ordered_behaviours_computed_pass if {
	d := t.resource("aws_cloudfront_distribution.shop", {"default_cache_behavior": [{"viewer_protocol_policy": "https-only"}]}, {})
	count(rule.deny) == 0 with input as t.with_index([object.union(d, {"unknown": ["ordered_cache_behavior"]})])
}
