package leakguard.rules.aws.cloudwatch.log_group_retention_test

import data.leakguard.rules.aws.cloudwatch.log_group_retention as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

group(values) := t.resource("aws_cloudwatch_log_group.app", object.union({"name": "/shop/app"}, values), {})

failing_input := t.with_index([group({})])

test_never_expiring_fails if {
	k.summary(rule.deny) == {["aws-log-group-retention", "test/aws_cloudwatch_log_group.app", "Log group aws_cloudwatch_log_group.app never expires its logs (retention_in_days unset or 0); keep 90-400 days"]} with input as failing_input
	count(rule.deny) == 1 with input as t.with_index([group({"retention_in_days": 0})])
}

test_out_of_range_fails if {
	k.summary(rule.deny) == {["aws-log-group-retention", "test/aws_cloudwatch_log_group.app", "Log group aws_cloudwatch_log_group.app keeps logs 3653 days, outside 90-400"]} with input as t.with_index([group({"retention_in_days": 3653})])
	count(rule.deny) == 1 with input as t.with_index([group({"retention_in_days": 7})])
}

test_in_range_passes if {
	count(rule.deny) == 0 with input as t.with_index([group({"retention_in_days": 365})])
	count(rule.deny) == 0 with input as t.with_index([group({"retention_in_days": 7})]) with data.config as {"log_retention_min_days": 7}
}

test_unknown_fails if {
	k.summary(rule.deny) == {["aws-log-group-retention", "test/aws_cloudwatch_log_group.app", "Log group aws_cloudwatch_log_group.app has a retention unknown at plan time"]} with input as t.with_index([k.unknown(group({}), ["retention_in_days"])])
	count(rule.deny) == 1 with input as t.with_index([group({"retention_in_days": "${var.days}"})])
}
