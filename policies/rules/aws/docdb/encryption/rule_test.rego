package leakguard.rules.aws.docdb.encryption_test

import data.leakguard.rules.aws.docdb.encryption as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

cluster(values) := t.resource("aws_docdb_cluster.profiles", values, {})

failing_input := t.with_index([cluster({})])

test_unencrypted_fails if {
	k.summary(rule.deny) == {["aws-docdb-encryption", "test/aws_docdb_cluster.profiles", "DocumentDB cluster aws_docdb_cluster.profiles is not encrypted at rest (storage_encrypted is not true)"]} with input as failing_input
}

test_keys if {
	k.summary(rule.deny) == {["aws-docdb-encryption", "test/aws_docdb_cluster.profiles", "DocumentDB cluster aws_docdb_cluster.profiles is encrypted with an AWS-managed key, but it is not classified as holding no personal information: set kms_key_id to a customer-managed key"]} with input as t.with_index([cluster({"storage_encrypted": true})])
	count(rule.deny) == 0 with input as t.with_index([cluster({"storage_encrypted": true, "kms_key_id": "arn:aws:kms:us-west-2:111122223333:key/k"})])
}

test_unknown_flag_fails if {
	count(rule.deny) == 1 with input as t.with_index([cluster({"storage_encrypted": "${var.enc}"})])
}
