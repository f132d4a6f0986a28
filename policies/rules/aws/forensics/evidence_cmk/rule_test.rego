package leakguard.rules.aws.forensics.evidence_cmk_test

import data.leakguard.rules.aws.forensics.evidence_cmk as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

bucket := k.tagged(t.resource("aws_s3_bucket.evidence", {"bucket": "shop-evidence"}, {}), {"purpose": "forensics"})

sse(key) := t.resource("aws_s3_bucket_server_side_encryption_configuration.evidence", {"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms", "kms_master_key_id": key}]}]}, {"bucket": ["aws_s3_bucket.evidence"]})

failing_input := t.with_index([bucket, sse("alias/aws/s3")])

test_aws_managed_key_fails if {
	k.summary(rule.deny) == {["aws-forensic-evidence-cmk", "test/aws_s3_bucket.evidence", "Evidence bucket aws_s3_bucket.evidence is not encrypted with a customer-managed KMS key"]} with input as failing_input
}

test_cmk_passes if {
	count(rule.deny) == 0 with input as t.with_index([bucket, sse("arn:aws:kms:us-west-2:111111111111:key/abc")])
}

key_path := "rule.apply_server_side_encryption_by_default.kms_master_key_id"

sse_unknown(how) := object.union(
	t.resource("aws_s3_bucket_server_side_encryption_configuration.evidence", {"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms"}]}]}, {"bucket": ["aws_s3_bucket.evidence"]}),
	object.union({"unknown": [key_path]}, how),
)

test_key_unknown_fails_unverified if {
	msg := "Evidence bucket aws_s3_bucket.evidence has a KMS key unknown at plan time; that it is customer-managed cannot be verified"
	every how in [{"references": {"bucket": ["test/aws_s3_bucket.evidence"], key_path: ["test/terraform_data.elsewhere"]}}, {"unlinked": [key_path]}] {
		k.summary(rule.deny) == {["aws-forensic-evidence-cmk", "test/aws_s3_bucket.evidence", msg]} with input as t.with_index([bucket, sse_unknown(how)])
	}

	# A key a data source looks up may be the AWS-managed one.
	kd := k.data_source("aws_kms_key.s3", {"key_id": "alias/aws/s3"})
	k.summary(rule.deny) == {["aws-forensic-evidence-cmk", "test/aws_s3_bucket.evidence", msg]} with input as t.with_index([bucket, kd, sse_unknown({"references": {"bucket": ["test/aws_s3_bucket.evidence"], key_path: ["test/data.aws_kms_key.s3"]}})])
}

test_key_resource_by_reference_passes if {
	key := t.resource("aws_kms_key.evidence", {"enable_key_rotation": true}, {})
	count(rule.deny) == 0 with input as t.with_index([bucket, key, sse_unknown({"references": {"bucket": ["test/aws_s3_bucket.evidence"], key_path: ["test/aws_kms_key.evidence"]}})])
	count(rule.deny) == 0 with input as t.with_index([bucket, key, t.resource("aws_s3_bucket_server_side_encryption_configuration.evidence", {"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms", "kms_master_key_id": "${aws_kms_key.evidence.arn}"}]}]}, {"bucket": ["aws_s3_bucket.evidence"], key_path: ["aws_kms_key.evidence"]})])
}
