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
