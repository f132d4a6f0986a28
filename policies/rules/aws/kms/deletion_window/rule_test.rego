package leakguard.rules.aws.kms.deletion_window_test

import data.leakguard.rules.aws.kms.deletion_window as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

key(values) := t.resource("aws_kms_key.data", values, {})

failing_input := t.with_index([key({"deletion_window_in_days": 5})])

test_short_window_fails if {
	k.summary(rule.deny) == {["aws-kms-deletion-window", "test/aws_kms_key.data", "KMS key aws_kms_key.data can be deleted after 5 days (minimum 7)"]} with input as failing_input
	k.summary(rule.deny) == {["aws-kms-deletion-window", "test/aws_kms_key.data", "KMS key aws_kms_key.data can be deleted after 10 days (minimum 14)"]} with input as t.with_index([key({"deletion_window_in_days": 10})]) with data.config as {"kms_min_deletion_window_days": 14}
}

test_default_and_long_pass if {
	count(rule.deny) == 0 with input as t.with_index([key({})])
	count(rule.deny) == 0 with input as t.with_index([key({"deletion_window_in_days": null})])
	count(rule.deny) == 0 with input as t.with_index([key({"deletion_window_in_days": 30})])
}

test_unknown_fails if {
	count(rule.deny) == 1 with input as t.with_index([k.unknown(key({}), ["deletion_window_in_days"])])
}
