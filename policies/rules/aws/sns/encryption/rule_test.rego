package leakguard.rules.aws.sns.encryption_test

import data.leakguard.rules.aws.sns.encryption as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

topic(values) := t.resource("aws_sns_topic.events", object.union({"name": "events"}, values), {})

failing_input := t.with_index([topic({})])

test_unencrypted_fails if {
	k.summary(rule.deny) == {["aws-sns-encryption", "test/aws_sns_topic.events", "SNS topic aws_sns_topic.events is not encrypted at rest (no kms_master_key_id)"]} with input as failing_input
	count(rule.deny) == 1 with input as t.with_index([k.tagged(topic({}), {"data-classification": "public"})])
}

test_aws_managed_key if {
	count(rule.deny) == 1 with input as t.with_index([topic({"kms_master_key_id": "alias/aws/sns"})])
	count(rule.deny) == 0 with input as t.with_index([k.tagged(topic({"kms_master_key_id": "alias/aws/sns"}), {"data-classification": "internal"})])
}

test_cmk_passes if {
	count(rule.deny) == 0 with input as t.with_index([topic({"kms_master_key_id": "alias/order-events"})])
	r := object.union(k.unknown(topic({}), ["kms_master_key_id"]), {"references": {"kms_master_key_id": ["test/aws_kms_key.k"]}})
	count(rule.deny) == 0 with input as t.with_index([r])
}
