package leakguard.rules.aws.dynamodb.cmk_test

import data.leakguard.rules.aws.dynamodb.cmk as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

table(values) := t.resource("aws_dynamodb_table.customers", object.union({"name": "customers"}, values), {})

failing_input := t.with_index([table({"server_side_encryption": {"enabled": true}})])

test_aws_managed_key_fails if {
	k.summary(rule.deny) == {["aws-dynamodb-cmk", "test/aws_dynamodb_table.customers", "DynamoDB table aws_dynamodb_table.customers is not encrypted with a customer-managed KMS key"]} with input as failing_input
	count(rule.deny) == 1 with input as t.with_index([table({})])
	count(rule.deny) == 1 with input as t.with_index([table({"server_side_encryption": [{"enabled": true, "kms_key_arn": "alias/aws/dynamodb"}]})])
	count(rule.deny) == 1 with input as t.with_index([table({"server_side_encryption": [{"enabled": true, "kms_key_arn": "arn:aws:kms:us-west-2:111111111111:alias/aws/dynamodb"}]})])
}

test_cmk_passes if {
	count(rule.deny) == 0 with input as t.with_index([table({"server_side_encryption": [{"enabled": true, "kms_key_arn": "arn:aws:kms:us-west-2:111111111111:key/k"}]})])
	r := object.union(k.unknown(table({"server_side_encryption": [{"enabled": true}]}), ["server_side_encryption.kms_key_arn"]), {"references": {"server_side_encryption.kms_key_arn": ["test/aws_kms_key.k"]}})
	count(rule.deny) == 0 with input as t.with_index([r])
}
