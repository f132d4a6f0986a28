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
