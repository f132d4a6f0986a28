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
