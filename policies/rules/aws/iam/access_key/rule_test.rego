package leakguard.rules.aws.iam.access_key_test

import data.leakguard.rules.aws.iam.access_key as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

user := t.resource("aws_iam_user.ci", {"name": "ci"}, {})

failing_input := t.with_index([user, t.resource("aws_iam_access_key.ci", {"user": "${aws_iam_user.ci.name}"}, {"user": ["aws_iam_user.ci"]})])

test_access_key_fails if {
	k.summary(rule.deny) == {[
		"aws-iam-access-key", "test/aws_iam_access_key.ci",
		"aws_iam_access_key.ci creates a long-lived access key for IAM user aws_iam_user.ci",
	]} with input as failing_input
}

test_literal_user_and_unknown_user_fail if {
	k.summary(rule.deny) == {["aws-iam-access-key", "test/aws_iam_access_key.ci", "aws_iam_access_key.ci creates a long-lived access key for IAM user ci"]} with input as t.with_index([t.resource("aws_iam_access_key.ci", {"user": "ci"}, {})])
	k.summary(rule.deny) == {["aws-iam-access-key", "test/aws_iam_access_key.ci", "aws_iam_access_key.ci creates a long-lived access key for IAM user (unknown)"]} with input as t.with_index([k.unknown(t.resource("aws_iam_access_key.ci", {}, {}), ["user"])])
}

test_inactive_key_passes if {
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_iam_access_key.ci", {"user": "ci", "status": "Inactive"}, {})])
}

test_no_key_passes if {
	count(rule.deny) == 0 with input as t.with_index([user])
}
