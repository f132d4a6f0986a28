package leakguard.rules.aws.sqs.encryption_test

import data.leakguard.rules.aws.sqs.encryption as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

queue(values) := t.resource("aws_sqs_queue.orders", object.union({"name": "orders"}, values), {})

failing_input := t.with_index([queue({"sqs_managed_sse_enabled": false})])

test_unencrypted_fails if {
	k.summary(rule.deny) == {["aws-sqs-encryption", "test/aws_sqs_queue.orders", "SQS queue aws_sqs_queue.orders is not encrypted at rest (sqs_managed_sse_enabled = false and no kms_master_key_id)"]} with input as failing_input
}

test_sse_sqs_or_aws_managed_key_fails_for_unclassified if {
	msg := "SQS queue aws_sqs_queue.orders is encrypted with an AWS-managed key, but it is not classified as holding no personal information: set kms_master_key_id to a customer-managed key"
	k.summary(rule.deny) == {["aws-sqs-encryption", "test/aws_sqs_queue.orders", msg]} with input as t.with_index([queue({})])
	k.summary(rule.deny) == {["aws-sqs-encryption", "test/aws_sqs_queue.orders", msg]} with input as t.with_index([queue({"kms_master_key_id": "alias/aws/sqs"})])
	count(rule.deny) == 0 with input as t.with_index([k.tagged(queue({}), {"data-classification": "internal"})])
}

test_cmk_passes if {
	count(rule.deny) == 0 with input as t.with_index([queue({"kms_master_key_id": "${aws_kms_key.k.arn}"})])
	count(rule.deny) == 0 with input as t.with_index([queue({"sqs_managed_sse_enabled": false, "kms_master_key_id": "alias/orders"})])
}

test_unknown_fails if {
	count(rule.deny) == 1 with input as t.with_index([queue({"sqs_managed_sse_enabled": "${var.sse}"})])
}

# A key set from a local value (the terraform-aws-modules sqs module's dead-letter queue, in a
# plan checked without its folder): unknown before apply, naming no resource the input can
# follow; configured, as a key set by reference is.
test_key_from_a_local_counts_as_set if {
	q := object.union(queue({}), {"unknown": ["kms_master_key_id"], "unlinked": ["kms_master_key_id"]})
	count(rule.deny) == 0 with input as t.with_index([q])

	# Unknown and not configured: the AWS-managed default.
	count(rule.deny) == 1 with input as t.with_index([object.union(queue({}), {"unknown": ["kms_master_key_id"]})])
}
