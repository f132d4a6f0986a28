package leakguard.rules.aws.efs.encryption_test

import data.leakguard.rules.aws.efs.encryption as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

fs(values) := t.resource("aws_efs_file_system.uploads", values, {})

failing_input := t.with_index([fs({})])

test_unencrypted_fails if {
	k.summary(rule.deny) == {["aws-efs-encryption", "test/aws_efs_file_system.uploads", "EFS file system aws_efs_file_system.uploads is not encrypted at rest (encrypted is not true)"]} with input as failing_input
	count(rule.deny) == 1 with input as t.with_index([fs({"encrypted": false, "kms_key_id": "arn:aws:kms:us-west-2:111122223333:key/k"})])
}

test_aws_managed_key if {
	k.summary(rule.deny) == {["aws-efs-encryption", "test/aws_efs_file_system.uploads", "EFS file system aws_efs_file_system.uploads is encrypted with an AWS-managed key, but it is classified confidential: set kms_key_id to a customer-managed key"]} with input as t.with_index([k.tagged(fs({"encrypted": true}), {"data-classification": "confidential"})])
	count(rule.deny) == 0 with input as t.with_index([k.tagged(fs({"encrypted": true}), {"data-classification": "internal"})])
}

test_cmk_passes if {
	count(rule.deny) == 0 with input as t.with_index([fs({"encrypted": true, "kms_key_id": "${aws_kms_key.k.arn}"})])
}

test_unknown_flag_fails if {
	k.summary(rule.deny) == {["aws-efs-encryption", "test/aws_efs_file_system.uploads", "EFS file system aws_efs_file_system.uploads has encrypted unknown before apply; its encryption at rest cannot be verified"]} with input as t.with_index([fs({"encrypted": "${var.encrypted}"})])
}
