package leakguard.rules.aws.kinesis.firehose_encryption_test

import data.leakguard.rules.aws.kinesis.firehose_encryption as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

fh(values) := t.resource("aws_kinesis_firehose_delivery_stream.orders", object.union({"name": "orders", "destination": "extended_s3"}, values), {})

failing_input := t.with_index([fh({})])

test_unencrypted_fails if {
	k.summary(rule.deny) == {["aws-firehose-encryption", "test/aws_kinesis_firehose_delivery_stream.orders", "Firehose delivery stream aws_kinesis_firehose_delivery_stream.orders does not encrypt buffered records (server_side_encryption.enabled is not true)"]} with input as failing_input
}

# A plan writes the absent kinesis_source_configuration block as []: still Direct PUT.
test_empty_source_block_is_direct_put if {
	count(rule.deny) == 1 with input as t.with_index([fh({"kinesis_source_configuration": []})])
}

test_aws_owned_key_fails if {
	k.summary(rule.deny) == {["aws-firehose-encryption", "test/aws_kinesis_firehose_delivery_stream.orders", "Firehose delivery stream aws_kinesis_firehose_delivery_stream.orders encrypts with an AWS-owned key, but it is not classified as holding no personal information: set key_type = CUSTOMER_MANAGED_CMK and key_arn"]} with input as t.with_index([fh({"server_side_encryption": [{"enabled": true}]})])
	count(rule.deny) == 0 with input as t.with_index([k.tagged(fh({"server_side_encryption": [{"enabled": true, "key_type": "AWS_OWNED_CMK"}]}), {"data-classification": "internal"})])
}

test_cmk_and_stream_source_pass if {
	count(rule.deny) == 0 with input as t.with_index([fh({"server_side_encryption": [{"enabled": true, "key_type": "CUSTOMER_MANAGED_CMK", "key_arn": "arn:aws:kms:us-west-2:111122223333:key/k"}]})])
	count(rule.deny) == 0 with input as t.with_index([fh({"kinesis_source_configuration": [{"kinesis_stream_arn": "arn", "role_arn": "arn"}]})])
}

test_unknown_fails if {
	count(rule.deny) == 1 with input as t.with_index([fh({"server_side_encryption": [{"enabled": "${var.sse}"}]})])
	count(rule.deny) == 1 with input as t.with_index([fh({"server_side_encryption": [{"enabled": true, "key_type": "${var.kt}"}]})])
}
