package leakguard.rules.aws.cloudwatch.log_group_kms_test

import data.leakguard.rules.aws.cloudwatch.log_group_kms as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

failing_input := t.with_index([t.resource("aws_cloudwatch_log_group.app", {"name": "/shop/app", "kms_key_id": null}, {})])

test_no_key_fails if {
	k.summary(rule.deny) == {["aws-log-group-kms", "test/aws_cloudwatch_log_group.app", "Log group aws_cloudwatch_log_group.app is not encrypted with a customer-managed KMS key"]} with input as failing_input
}

test_key_passes if {
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_cloudwatch_log_group.app", {"kms_key_id": "${aws_kms_key.k.arn}"}, {"kms_key_id": ["aws_kms_key.k"]})])
	count(rule.deny) == 0 with input as t.with_index([k.unknown(t.resource("aws_cloudwatch_log_group.app", {}, {"kms_key_id": ["aws_kms_key.k"]}), ["kms_key_id"])])
}
