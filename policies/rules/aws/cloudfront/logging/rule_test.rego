package leakguard.rules.aws.cloudfront.logging_test

import data.leakguard.rules.aws.cloudfront.logging as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

failing_input := t.with_index([t.resource("aws_cloudfront_distribution.shop", {"logging_config": []}, {})])

test_no_logging_fails if {
	k.summary(rule.deny) == {["aws-cloudfront-logging", "test/aws_cloudfront_distribution.shop", "CloudFront distribution aws_cloudfront_distribution.shop does not log viewer requests"]} with input as failing_input
}

test_logging_passes if {
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_cloudfront_distribution.shop", {"logging_config": {"bucket": "logs.s3.amazonaws.com"}}, {})])
	d := t.resource("aws_cloudfront_distribution.shop", {}, {})
	src := t.resource("aws_cloudwatch_log_delivery_source.cf", {}, {"resource_arn": ["aws_cloudfront_distribution.shop"]})
	count(rule.deny) == 0 with input as t.with_index([d, src])
}

# The two ways a configured value is unknown: set from a resource (a plan), or unlinked.
hows(path) := [{"unknown": [path], "references": {path: ["test/terraform_data.elsewhere"]}}, {"unknown": [path], "unlinked": [path]}]

test_logging_config_unknown_fails_unverified if {
	every how in hows("logging_config") {
		k.summary(rule.deny) == {["aws-cloudfront-logging", "test/aws_cloudfront_distribution.shop", "CloudFront distribution aws_cloudfront_distribution.shop has logging_config unknown at plan time; that it logs viewer requests cannot be verified"]} with input as t.with_index([object.union(t.resource("aws_cloudfront_distribution.shop", {}, {}), how)])
	}
}

test_logging_bucket_unknown_passes if {
	every how in hows("logging_config.bucket") {
		count(rule.deny) == 0 with input as t.with_index([object.union(t.resource("aws_cloudfront_distribution.shop", {"logging_config": [{"include_cookies": false}]}, {}), how)])
	}
}
