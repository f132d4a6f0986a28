package leakguard.rules.aws.cloudwatch.log_group_data_protection_test

import data.leakguard.rules.aws.cloudwatch.log_group_data_protection as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

group(classification) := k.tagged(t.resource("aws_cloudwatch_log_group.app", {"name": "/shop/app"}, {}), {"data-classification": classification})

failing_input := t.with_index([group("pii")])

test_pii_group_without_policy_fails if {
	k.summary(rule.deny) == {["aws-log-group-data-protection", "test/aws_cloudwatch_log_group.app", "Log group aws_cloudwatch_log_group.app holds pii data but has no data-protection policy masking it"]} with input as failing_input
}

test_policy_by_reference_or_name_passes if {
	p := t.resource("aws_cloudwatch_log_data_protection_policy.app", {}, {"log_group_name": ["aws_cloudwatch_log_group.app"]})
	count(rule.deny) == 0 with input as t.with_index([group("pii"), p])
	q := t.resource("aws_cloudwatch_log_data_protection_policy.app", {"log_group_name": "/shop/app"}, {})
	count(rule.deny) == 0 with input as t.with_index([group("confidential"), q])
}

test_internal_group_needs_no_policy if {
	count(rule.deny) == 0 with input as t.with_index([group("internal")])
}
