package leakguard.rules.aws.rds.snapshot_encryption_test

import data.leakguard.rules.aws.rds.snapshot_encryption as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

db(values) := t.resource("aws_db_instance.orders", object.union({"engine": "postgres"}, values), {})

snapshot := t.resource("aws_db_snapshot.orders", {"db_instance_identifier": "${aws_db_instance.orders.identifier}", "db_snapshot_identifier": "s"}, {"db_instance_identifier": ["aws_db_instance.orders"]})

copy(values) := t.resource("aws_db_snapshot_copy.dr", object.union({"source_db_snapshot_identifier": "${aws_db_snapshot.orders.db_snapshot_arn}"}, values), {"source_db_snapshot_identifier": ["aws_db_snapshot.orders"]})

failing_input := t.with_index([db({"storage_encrypted": false}), snapshot])

test_snapshot_of_unencrypted_database_fails if {
	k.summary(rule.deny) == {["aws-rds-snapshot-encryption", "test/aws_db_snapshot.orders", "RDS snapshot aws_db_snapshot.orders is not encrypted (its source database has no storage encryption)"]} with input as failing_input
	cluster := t.resource("aws_rds_cluster.c", {}, {})
	cs := t.resource("aws_db_cluster_snapshot.c", {"db_cluster_identifier": "${aws_rds_cluster.c.id}"}, {"db_cluster_identifier": ["aws_rds_cluster.c"]})
	count(rule.deny) == 1 with input as t.with_index([cluster, cs])
}

test_encrypted_sources_and_keyed_copies_pass if {
	count(rule.deny) == 0 with input as t.with_index([db({"storage_encrypted": true}), snapshot, copy({})])
	count(rule.deny) == 1 with input as t.with_index([db({}), snapshot, copy({"kms_key_id": "arn:aws:kms:us-west-2:111122223333:key/k"})])
	count(rule.deny) == 2 with input as t.with_index([db({}), snapshot, copy({})])
}

test_unknown_source_fails if {
	orphan := t.resource("aws_db_snapshot.ext", {"db_instance_identifier": "legacy-db", "db_snapshot_identifier": "s"}, {})
	k.summary(rule.deny) == {["aws-rds-snapshot-encryption", "test/aws_db_snapshot.ext", "RDS snapshot aws_db_snapshot.ext: its encryption cannot be verified before apply (source not in the input or its flag unknown)"]} with input as t.with_index([orphan])
	count(rule.deny) == 2 with input as t.with_index([db({"storage_encrypted": "${var.enc}"}), snapshot, copy({})])
}
