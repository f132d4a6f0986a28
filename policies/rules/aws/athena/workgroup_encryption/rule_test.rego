package leakguard.rules.aws.athena.workgroup_encryption_test

import data.leakguard.rules.aws.athena.workgroup_encryption as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

workgroup(configuration) := t.resource("aws_athena_workgroup.analysts", {"name": "analysts", "configuration": [configuration]}, {})

with_encryption(enc, enforce) := workgroup({"enforce_workgroup_configuration": enforce, "result_configuration": [{"output_location": "s3://r/", "encryption_configuration": [enc]}]})

failing_input := t.with_index([workgroup({"enforce_workgroup_configuration": false})])

test_unencrypted_fails if {
	k.summary(rule.deny) == {["aws-athena-workgroup-encryption", "test/aws_athena_workgroup.analysts", "Athena workgroup aws_athena_workgroup.analysts: query results not encrypted; clients may override the encryption (enforce_workgroup_configuration = false)"]} with input as failing_input
	count(rule.deny) == 1 with input as t.with_index([t.resource("aws_athena_workgroup.analysts", {"name": "analysts"}, {})])
}

test_keys if {
	k.summary(rule.deny) == {["aws-athena-workgroup-encryption", "test/aws_athena_workgroup.analysts", "Athena workgroup aws_athena_workgroup.analysts: results under SSE_S3, but it is not classified as holding no personal information: use SSE_KMS with a customer-managed kms_key_arn"]} with input as t.with_index([with_encryption({"encryption_option": "SSE_S3"}, true)])
	count(rule.deny) == 1 with input as t.with_index([with_encryption({"encryption_option": "SSE_KMS"}, true)])
	count(rule.deny) == 0 with input as t.with_index([with_encryption({"encryption_option": "SSE_KMS", "kms_key_arn": "arn:aws:kms:us-west-2:111122223333:key/k"}, true)])
	count(rule.deny) == 0 with input as t.with_index([k.tagged(with_encryption({"encryption_option": "SSE_S3"}, true), {"data-classification": "internal"})])
}

test_unknown_fails if {
	count(rule.deny) == 1 with input as t.with_index([with_encryption({"encryption_option": "${var.opt}"}, true)])
	count(rule.deny) == 1 with input as t.with_index([with_encryption({"encryption_option": "CSE_KMS", "kms_key_arn": "${aws_kms_key.k.arn}"}, "${var.enforce}")])
}
