package leakguard.rules.aws.mq.encryption_test

import data.leakguard.rules.aws.mq.encryption as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

broker(values, refs) := t.resource("aws_mq_broker.orders", object.union({"broker_name": "orders", "engine_type": "RabbitMQ"}, values), refs)

failing_input := t.with_index([broker({"encryption_options": []}, {})])

owned_msg := "Amazon MQ broker aws_mq_broker.orders is encrypted with a key AWS owns (use_aws_owned_key is not false), but it is not classified as holding no personal information: set encryption_options { use_aws_owned_key = false, kms_key_id = <customer-managed key> }"

test_default_aws_owned_key_fails if {
	k.summary(rule.deny) == {["aws-mq-encryption", "test/aws_mq_broker.orders", owned_msg]} with input as failing_input
	k.summary(rule.deny) == {["aws-mq-encryption", "test/aws_mq_broker.orders", owned_msg]} with input as t.with_index([broker({"encryption_options": [{"use_aws_owned_key": true}]}, {})])
}

test_aws_managed_key_fails if {
	k.summary(rule.deny) == {[
		"aws-mq-encryption", "test/aws_mq_broker.orders",
		"Amazon MQ broker aws_mq_broker.orders is encrypted with the AWS-managed aws/mq key, but it is not classified as holding no personal information: set encryption_options.kms_key_id to a customer-managed key",
	]} with input as t.with_index([broker({"encryption_options": [{"use_aws_owned_key": false}]}, {})])
	count(rule.deny) == 1 with input as t.with_index([broker({"encryption_options": [{"use_aws_owned_key": false, "kms_key_id": "alias/aws/mq"}]}, {})])
}

test_customer_key_passes if {
	count(rule.deny) == 0 with input as t.with_index([broker({"encryption_options": [{"use_aws_owned_key": false, "kms_key_id": "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}]}, {})])
	count(rule.deny) == 0 with input as t.with_index([broker({"encryption_options": [{"use_aws_owned_key": false, "kms_key_id": "${aws_kms_key.mq.arn}"}]}, {"encryption_options.kms_key_id": ["aws_kms_key.mq"]})])
}

test_non_pii_broker_passes if {
	count(rule.deny) == 0 with input as t.with_index([k.tagged(broker({"encryption_options": []}, {}), {"data-classification": "internal"})])
}

test_unknown_fails if {
	k.summary(rule.deny) == {[
		"aws-mq-encryption", "test/aws_mq_broker.orders",
		"Amazon MQ broker aws_mq_broker.orders has encryption_options.use_aws_owned_key unknown before apply; the key its storage is encrypted with cannot be verified",
	]} with input as t.with_index([broker({"encryption_options": [{"use_aws_owned_key": "${var.owned}"}]}, {})])
	k.summary(rule.deny) == {[
		"aws-mq-encryption", "test/aws_mq_broker.orders",
		"Amazon MQ broker aws_mq_broker.orders has encryption_options.kms_key_id unknown before apply; the key its storage is encrypted with cannot be verified",
	]} with input as t.with_index([broker({"encryption_options": [{"use_aws_owned_key": false, "kms_key_id": "${var.key}"}]}, {})])
}
