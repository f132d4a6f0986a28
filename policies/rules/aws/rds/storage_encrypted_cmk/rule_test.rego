package leakguard.rules.aws.rds.storage_encrypted_cmk_test

import data.leakguard.rules.aws.rds.storage_encrypted_cmk as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

db(values) := t.resource("aws_db_instance.orders", object.union({"engine": "postgres"}, values), {})

failing_input := t.with_index([db({"storage_encrypted": false})])

test_unencrypted_fails if {
	k.summary(rule.deny) == {["aws-rds-encrypted-cmk", "test/aws_db_instance.orders", "aws_db_instance.orders lacks storage_encrypted (false) and a customer-managed kms_key_id; its storage, snapshots and backups are not under a customer-managed key"]} with input as failing_input
}

test_aws_managed_key_fails if {
	k.summary(rule.deny) == {["aws-rds-encrypted-cmk", "test/aws_rds_cluster.c", "aws_rds_cluster.c lacks a customer-managed kms_key_id; its storage, snapshots and backups are not under a customer-managed key"]} with input as t.with_index([t.resource("aws_rds_cluster.c", {"storage_encrypted": true}, {})])
}

test_cmk_passes if {
	count(rule.deny) == 0 with input as t.with_index([db({"storage_encrypted": true, "kms_key_id": "${aws_kms_key.k.arn}"})])
}

test_cluster_member_is_skipped if {
	count(rule.deny) == 0 with input as t.with_index([db({"cluster_identifier": "orders"})])
}

test_unknown_flag_fails if {
	count(rule.deny) == 1 with input as t.with_index([k.unknown(db({"kms_key_id": "arn:aws:kms:us-west-2:111111111111:key/x"}), ["storage_encrypted"])])
}

test_provider_computed_key_is_not_a_cmk if {
	r := k.unknown(db({"storage_encrypted": true}), ["kms_key_id"])
	k.summary(rule.deny) == {["aws-rds-encrypted-cmk", "test/aws_db_instance.orders", "aws_db_instance.orders lacks a customer-managed kms_key_id; its storage, snapshots and backups are not under a customer-managed key"]} with input as t.with_index([r])
	count(rule.deny) == 0 with input as t.with_index([object.union(r, {"references": {"kms_key_id": ["test/aws_kms_key.k"]}})])
}

test_serverless_cluster_is_encrypted_by_default_and_lacks_only_the_cmk if {
	c := t.resource("aws_rds_cluster.c", {"engine": "aurora-postgresql", "engine_mode": "serverless"}, {})
	k.summary(rule.deny) == {["aws-rds-encrypted-cmk", "test/aws_rds_cluster.c", "aws_rds_cluster.c lacks a customer-managed kms_key_id; its storage, snapshots and backups are not under a customer-managed key"]} with input as t.with_index([c])
}

test_encryption_states_are_named if {
	off := t.resource("aws_rds_cluster.c", {"storage_encrypted": false, "kms_key_id": "arn:aws:kms:us-east-1:111122223333:key/k"}, {})
	k.summary(rule.deny) == {["aws-rds-encrypted-cmk", "test/aws_rds_cluster.c", "aws_rds_cluster.c lacks storage_encrypted (false); its storage, snapshots and backups are not under a customer-managed key"]} with input as t.with_index([off])
	expr := t.resource("aws_rds_cluster.c", {"storage_encrypted": "${var.enc}", "kms_key_id": "arn:aws:kms:us-east-1:111122223333:key/k"}, {})
	k.summary(rule.deny) == {["aws-rds-encrypted-cmk", "test/aws_rds_cluster.c", "aws_rds_cluster.c lacks storage_encrypted (unknown at plan time); its storage, snapshots and backups are not under a customer-managed key"]} with input as t.with_index([expr])
}
