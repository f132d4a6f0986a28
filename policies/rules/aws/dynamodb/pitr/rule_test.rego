package leakguard.rules.aws.dynamodb.pitr_test

import data.leakguard.rules.aws.dynamodb.pitr as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

table(values) := t.resource("aws_dynamodb_table.customers", object.union({"name": "customers"}, values), {})

failing_input := t.with_index([table({"point_in_time_recovery": [{"enabled": false}]})])

test_disabled_fails if {
	k.summary(rule.deny) == {["aws-dynamodb-pitr", "test/aws_dynamodb_table.customers", "DynamoDB table aws_dynamodb_table.customers has no point-in-time recovery (it is off unless point_in_time_recovery { enabled = true })"]} with input as failing_input
}

test_enabled_passes if {
	count(rule.deny) == 0 with input as t.with_index([table({"point_in_time_recovery": {"enabled": true}})])
}

# No block: the provider's computed block, unknown in a plan, and off.
test_no_block_fails if {
	k.summary(rule.deny) == {["aws-dynamodb-pitr", "test/aws_dynamodb_table.customers", "DynamoDB table aws_dynamodb_table.customers has no point-in-time recovery (it is off unless point_in_time_recovery { enabled = true })"]} with input as t.with_index([k.unknown(table({}), ["point_in_time_recovery"])])
}

# Set from something only apply knows: not proven.
test_unknown_fails if {
	r := t.resource("aws_dynamodb_table.customers", {"name": "customers"}, {"point_in_time_recovery.enabled": ["aws_ssm_parameter.pitr"]})
	k.summary(rule.deny) == {["aws-dynamodb-pitr", "test/aws_dynamodb_table.customers", "DynamoDB table aws_dynamodb_table.customers has point-in-time recovery unknown at plan time"]} with input as t.with_index([k.unknown(r, ["point_in_time_recovery.enabled"])])
}
