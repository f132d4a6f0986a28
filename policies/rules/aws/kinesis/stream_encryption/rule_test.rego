package leakguard.rules.aws.kinesis.stream_encryption_test

import data.leakguard.rules.aws.kinesis.stream_encryption as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

stream(values) := t.resource("aws_kinesis_stream.clicks", object.union({"name": "clicks"}, values), {})

failing_input := t.with_index([stream({})])

test_unencrypted_fails if {
	k.summary(rule.deny) == {["aws-kinesis-stream-encryption", "test/aws_kinesis_stream.clicks", "Kinesis stream aws_kinesis_stream.clicks is not encrypted at rest (encryption_type is not KMS)"]} with input as failing_input
	count(rule.deny) == 1 with input as t.with_index([stream({"encryption_type": "NONE"})])
}

test_aws_managed_key_fails if {
	k.summary(rule.deny) == {["aws-kinesis-stream-encryption", "test/aws_kinesis_stream.clicks", "Kinesis stream aws_kinesis_stream.clicks is encrypted with an AWS-managed key, but it is not classified as holding no personal information: set kms_key_id to a customer-managed key"]} with input as t.with_index([stream({"encryption_type": "KMS", "kms_key_id": "alias/aws/kinesis"})])
	count(rule.deny) == 0 with input as t.with_index([k.tagged(stream({"encryption_type": "KMS", "kms_key_id": "alias/aws/kinesis"}), {"data-classification": "public"})])
}

test_cmk_passes if {
	count(rule.deny) == 0 with input as t.with_index([stream({"encryption_type": "KMS", "kms_key_id": "alias/clickstream"})])
}

test_unknown_fails if {
	count(rule.deny) == 1 with input as t.with_index([stream({"encryption_type": "${var.enc}", "kms_key_id": "alias/clickstream"})])
}
