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
