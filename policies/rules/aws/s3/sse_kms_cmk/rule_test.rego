package leakguard.rules.aws.s3.sse_kms_cmk_test

import data.leakguard.rules.aws.s3.sse_kms_cmk as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

bucket := t.resource("aws_s3_bucket.b", {"bucket": "shop-exports"}, {})

good_rule := {"bucket_key_enabled": true, "apply_server_side_encryption_by_default": {"sse_algorithm": "aws:kms", "kms_master_key_id": "${aws_kms_key.k.arn}"}}

sse(rule_block, refs) := t.resource("aws_s3_bucket_server_side_encryption_configuration.b", {"bucket": "${aws_s3_bucket.b.id}", "rule": rule_block}, object.union({"bucket": ["aws_s3_bucket.b"]}, refs))

key_ref := {"rule.apply_server_side_encryption_by_default.kms_master_key_id": ["aws_kms_key.k"]}

failing_input := t.with_index([bucket])

test_bucket_without_encryption_fails if {
	k.summary(rule.deny) == {[
		"aws-s3-sse-kms-cmk", "test/aws_s3_bucket.b",
		"S3 bucket aws_s3_bucket.b has no default encryption configuration; objects get SSE-S3 with an AWS-owned key",
	]} with input as failing_input
}

test_cmk_with_bucket_key_passes if {
	count(rule.deny) == 0 with input as t.with_index([bucket, sse(good_rule, key_ref)])
}

test_aws_managed_key_without_bucket_key_fails if {
	r := {"apply_server_side_encryption_by_default": {"sse_algorithm": "aws:kms", "kms_master_key_id": "alias/aws/s3"}}
	k.summary(rule.deny) == {[
		"aws-s3-sse-kms-cmk", "test/aws_s3_bucket.b",
		"S3 bucket aws_s3_bucket.b default encryption lacks a customer-managed key, the bucket key",
	]} with input as t.with_index([bucket, sse(r, {})])
}

test_sse_s3_fails if {
	r := [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "AES256"}], "bucket_key_enabled": null}]
	k.summary(rule.deny) == {[
		"aws-s3-sse-kms-cmk", "test/aws_s3_bucket.b",
		"S3 bucket aws_s3_bucket.b default encryption lacks SSE-KMS, a customer-managed key, the bucket key",
	]} with input as t.with_index([bucket, sse(r, {})])
}

# Plan shape: the key ARN is unknown, only the reference says which key it is.
test_unknown_key_with_reference_passes if {
	r := [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms"}], "bucket_key_enabled": true}]
	c := k.unknown(sse(r, key_ref), ["bucket", "rule.apply_server_side_encryption_by_default.kms_master_key_id"])
	count(rule.deny) == 0 with input as t.with_index([bucket, c])
}

test_legacy_inline_block_passes if {
	b := object.union(bucket, {"values": {"server_side_encryption_configuration": [{"rule": [object.union(good_rule, {"apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms", "kms_master_key_id": "arn:aws:kms:us-west-2:111122223333:key/1"}]})]}]}})
	count(rule.deny) == 0 with input as t.with_index([b])
}

test_config_naming_bucket_literally_passes if {
	c := t.resource("aws_s3_bucket_server_side_encryption_configuration.b", {"bucket": "shop-exports", "rule": good_rule}, key_ref)
	count(rule.deny) == 0 with input as t.with_index([bucket, c])
}

test_configuration_without_its_bucket_fails_on_itself if {
	c := t.resource("aws_s3_bucket_server_side_encryption_configuration.b", {"bucket": "elsewhere", "rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "AES256"}]}]}, {})
	k.summary(rule.deny) == {[
		"aws-s3-sse-kms-cmk", "test/aws_s3_bucket_server_side_encryption_configuration.b",
		"Encryption configuration aws_s3_bucket_server_side_encryption_configuration.b (for bucket elsewhere not in this input) lacks SSE-KMS, a customer-managed key, the bucket key",
	]} with input as t.with_index([c])
}

test_good_configuration_without_its_bucket_passes if {
	c := t.resource("aws_s3_bucket_server_side_encryption_configuration.b", {"bucket": "elsewhere", "rule": good_rule}, key_ref)
	count(rule.deny) == 0 with input as t.with_index([c])
}

test_weak_configuration_with_its_bucket_reports_only_the_bucket if {
	{f.resource.key | some f in rule.deny} == {"test/aws_s3_bucket.b"} with input as t.with_index([bucket, sse(object.union(good_rule, {"bucket_key_enabled": false}), key_ref)])
}

logs := t.resource("aws_s3_bucket.logs", {"bucket": "shop-logs"}, {})

logging(target) := t.resource("aws_s3_bucket_logging.b", {"bucket": "${aws_s3_bucket.b.id}", "target_bucket": target}, {"bucket": ["aws_s3_bucket.b"], "target_bucket": [a | some a in ["aws_s3_bucket.logs"]; contains(target, "${")]})

log_sse(alg) := t.resource("aws_s3_bucket_server_side_encryption_configuration.logs", {"bucket": "${aws_s3_bucket.logs.id}", "rule": {"apply_server_side_encryption_by_default": {"sse_algorithm": alg}}}, {"bucket": ["aws_s3_bucket.logs"]})

# Access-log targets need SSE-S3: S3 cannot deliver server access logs to SSE-KMS buckets.
test_log_target_with_sse_kms_fails if {
	k.summary(rule.deny) == {[
		"aws-s3-sse-kms-cmk", "test/aws_s3_bucket.logs",
		"S3 bucket aws_s3_bucket.logs receives server access logs, which S3 delivers only to SSE-S3 buckets, but its default encryption is SSE-KMS; use AES256",
	]} with input as t.with_index([bucket, sse(good_rule, key_ref), logs, logging("${aws_s3_bucket.logs.id}"), log_sse("aws:kms")])
	count(rule.deny) == 1 with input as t.with_index([bucket, sse(good_rule, key_ref), logs, logging("shop-logs"), log_sse("aws:kms")])
}

test_log_target_with_sse_s3_passes if {
	count(rule.deny) == 0 with input as t.with_index([bucket, sse(good_rule, key_ref), logs, logging("${aws_s3_bucket.logs.id}"), log_sse("AES256")])
	count(rule.deny) == 0 with input as t.with_index([bucket, sse(good_rule, key_ref), logs, logging("shop-logs")])
	inline := t.resource("aws_s3_bucket.b", {"bucket": "shop-exports", "logging": [{"target_bucket": "${aws_s3_bucket.logs.id}"}]}, {"logging.target_bucket": ["aws_s3_bucket.logs"]})
	count(rule.deny) == 0 with input as t.with_index([inline, sse(good_rule, key_ref), logs])
}

test_log_target_configuration_without_its_bucket_passes if {
	c := t.resource("aws_s3_bucket_server_side_encryption_configuration.logs", {"bucket": "shop-logs", "rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "AES256"}]}]}, {})
	count(rule.deny) == 0 with input as t.with_index([c, logging("shop-logs")])
}
