package leakguard.rules.aws.dynamodb.replica_protection_test

import data.leakguard.rules.aws.dynamodb.replica_protection as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

cmk := {"server_side_encryption": [{"enabled": true, "kms_key_arn": "${aws_kms_key.orders.arn}"}]}

table(values, refs) := t.resource("aws_dynamodb_table.orders", object.union({"name": "orders", "hash_key": "order_id", "point_in_time_recovery": [{"enabled": true}]}, values), refs)

failing_input := t.with_index([table({"replica": [{"region_name": "eu-west-1", "point_in_time_recovery": false}]}, {})])

test_replica_without_pitr_fails if {
	k.summary(rule.deny) == {["aws-dynamodb-replica-protection", "test/aws_dynamodb_table.orders", "DynamoDB table aws_dynamodb_table.orders has a replica in eu-west-1 without point-in-time recovery (a replica's point_in_time_recovery is false unless set)"]} with input as failing_input

	# Unset is false: the table's own PITR does not carry over.
	k.summary(rule.deny) == {["aws-dynamodb-replica-protection", "test/aws_dynamodb_table.orders", "DynamoDB table aws_dynamodb_table.orders has a replica in eu-west-2 without point-in-time recovery (a replica's point_in_time_recovery is false unless set)"]} with input as t.with_index([table({"replica": [{"region_name": "eu-west-1", "point_in_time_recovery": true}, {"region_name": "eu-west-2"}]}, {})])
}

test_protected_replicas_pass if {
	count(rule.deny) == 0 with input as t.with_index([table({"replica": [{"region_name": "eu-west-1", "point_in_time_recovery": true}]}, {})])
	count(rule.deny) == 0 with input as t.with_index([table(object.union(cmk, {"replica": [{"region_name": "eu-west-1", "point_in_time_recovery": true, "kms_key_arn": "${aws_kms_key.replica.arn}"}]}), {"server_side_encryption.kms_key_arn": ["aws_kms_key.orders"], "replica.kms_key_arn": ["aws_kms_key.replica"]})])

	# A plan: the replica key computed from a reference, its value unknown.
	count(rule.deny) == 0 with input as t.with_index([k.unknown(table(object.union(cmk, {"replica": [{"region_name": "eu-west-1", "point_in_time_recovery": true}]}), {"server_side_encryption.kms_key_arn": ["aws_kms_key.orders"], "replica.kms_key_arn": ["aws_kms_key.replica"]}), ["replica.kms_key_arn", "server_side_encryption.kms_key_arn"])])

	# No replicas, or a table without a CMK (aws-dynamodb-cmk reports that): nothing here.
	count(rule.deny) == 0 with input as t.with_index([table({}, {})])
	count(rule.deny) == 0 with input as t.with_index([table({"replica": {"region_name": "eu-west-1", "point_in_time_recovery": true}}, {})])
}

test_replica_without_the_tables_cmk_fails if {
	k.summary(rule.deny) == {["aws-dynamodb-replica-protection", "test/aws_dynamodb_table.orders", "DynamoDB table aws_dynamodb_table.orders uses a customer-managed key but its replica in eu-west-1 has no kms_key_arn of its own and is encrypted with the AWS-managed key"]} with input as t.with_index([table(object.union(cmk, {"replica": [{"region_name": "eu-west-1", "point_in_time_recovery": true}]}), {"server_side_encryption.kms_key_arn": ["aws_kms_key.orders"]})])

	# A plan shows the unset replica key computed, with no reference under it.
	count(rule.deny) == 1 with input as t.with_index([k.unknown(table(object.union(cmk, {"replica": [{"region_name": "eu-west-1", "point_in_time_recovery": true}]}), {"server_side_encryption.kms_key_arn": ["aws_kms_key.orders"]}), ["replica.kms_key_arn"])])
	k.summary(rule.deny) == {["aws-dynamodb-replica-protection", "test/aws_dynamodb_table.orders", "DynamoDB table aws_dynamodb_table.orders uses a customer-managed key but its replica in eu-west-1 is encrypted with the AWS-managed key alias/aws/dynamodb"]} with input as t.with_index([table(object.union(cmk, {"replica": [{"region_name": "eu-west-1", "point_in_time_recovery": true, "kms_key_arn": "alias/aws/dynamodb"}]}), {"server_side_encryption.kms_key_arn": ["aws_kms_key.orders"]})])
}

test_unknown_replica_settings_fail if {
	k.summary(rule.deny) == {["aws-dynamodb-replica-protection", "test/aws_dynamodb_table.orders", "DynamoDB table aws_dynamodb_table.orders has a replica in eu-west-1 with point-in-time recovery unknown at plan time"]} with input as t.with_index([table({"replica": [{"region_name": "eu-west-1", "point_in_time_recovery": "${var.replica_pitr}"}]}, {})])
	count(rule.deny) == 1 with input as t.with_index([k.unknown(table({"replica": [{"region_name": "eu-west-1"}]}, {"replica.point_in_time_recovery": ["aws_ssm_parameter.pitr"]}), ["replica.point_in_time_recovery"])])

	# The region shows as unknown, never as expression text.
	k.summary(rule.deny) == {["aws-dynamodb-replica-protection", "test/aws_dynamodb_table.orders", "DynamoDB table aws_dynamodb_table.orders has a replica in a region unknown at plan time without point-in-time recovery (a replica's point_in_time_recovery is false unless set)"]} with input as t.with_index([table({"replica": [{"region_name": "${var.replica_region}", "point_in_time_recovery": false}]}, {})])
}

replica(values, refs) := k.in_region(t.resource("aws_dynamodb_table_replica.orders_eu", object.union({"global_table_arn": "${aws_dynamodb_table.orders.arn}"}, values), object.union({"global_table_arn": ["aws_dynamodb_table.orders"]}, refs)), "eu-west-1")

test_standalone_replica if {
	with_cmk := table(cmk, {"server_side_encryption.kms_key_arn": ["aws_kms_key.orders"]})

	k.summary(rule.deny) == {["aws-dynamodb-replica-protection", "test/aws_dynamodb_table_replica.orders_eu", "DynamoDB table replica aws_dynamodb_table_replica.orders_eu in eu-west-1 has no point-in-time recovery (a replica's point_in_time_recovery is false unless set)"]} with input as t.with_index([table({}, {}), replica({}, {})])
	k.summary(rule.deny) == {["aws-dynamodb-replica-protection", "test/aws_dynamodb_table_replica.orders_eu", "DynamoDB table replica aws_dynamodb_table_replica.orders_eu in eu-west-1 has no kms_key_arn while its table aws_dynamodb_table.orders uses a customer-managed key; the replica is encrypted with the AWS-managed key"]} with input as t.with_index([with_cmk, replica({"point_in_time_recovery": true}, {})])
	count(rule.deny) == 1 with input as t.with_index([with_cmk, replica({"point_in_time_recovery": true, "kms_key_arn": "alias/aws/dynamodb"}, {})])
	count(rule.deny) == 0 with input as t.with_index([with_cmk, replica({"point_in_time_recovery": true, "kms_key_arn": "${aws_kms_key.eu.arn}"}, {"kms_key_arn": ["aws_kms_key.eu"]})])

	# A plan: the unset key computed, no reference under it.
	count(rule.deny) == 1 with input as t.with_index([with_cmk, k.unknown(replica({"point_in_time_recovery": true}, {}), ["kms_key_arn"])])

	# The table elsewhere: only the replica's own PITR is judged.
	count(rule.deny) == 0 with input as t.with_index([replica({"point_in_time_recovery": true}, {})])
	k.summary(rule.deny) == {["aws-dynamodb-replica-protection", "test/aws_dynamodb_table_replica.orders_eu", "DynamoDB table replica aws_dynamodb_table_replica.orders_eu in eu-west-1 has point-in-time recovery unknown at plan time"]} with input as t.with_index([replica({"point_in_time_recovery": "${var.pitr}"}, {})])
}

# The two ways a configured value is unknown: set from a resource (a plan), or unlinked.
hows(path) := [{"unknown": [path], "references": {path: ["test/terraform_data.elsewhere"]}}, {"unknown": [path], "unlinked": [path]}]

test_replicas_unknown_fail_unverified if {
	every how in hows("replica") {
		k.summary(rule.deny) == {["aws-dynamodb-replica-protection", "test/aws_dynamodb_table.orders", "DynamoDB table aws_dynamodb_table.orders has replicas unknown at plan time; that each replica has point-in-time recovery and its own key cannot be verified"]} with input as t.with_index([object.union(table({}, {}), how)])
	}
}

test_replicas_computed_pass if {
	count(rule.deny) == 0 with input as t.with_index([object.union(table({}, {}), {"unknown": ["replica"]})])
}
