package leakguard.rules.aws.s3.tls_only_policy_test

import data.leakguard.rules.aws.s3.tls_only_policy as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

bucket := t.resource("aws_s3_bucket.b", {"bucket": "shop-exports"}, {})

tls_deny := {"Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": ["arn:aws:s3:::shop-exports", "arn:aws:s3:::shop-exports/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}}

policy(statements) := t.resource("aws_s3_bucket_policy.b", {"bucket": "${aws_s3_bucket.b.id}", "policy": json.marshal({"Version": "2012-10-17", "Statement": statements})}, {"bucket": ["aws_s3_bucket.b"]})

failing_input := t.with_index([bucket, policy([{"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "*"}])])

test_policy_without_tls_deny_fails if {
	k.summary(rule.deny) == {[
		"aws-s3-tls-only-policy", "test/aws_s3_bucket.b",
		"S3 bucket aws_s3_bucket.b has no bucket policy statement denying requests where aws:SecureTransport is false",
	]} with input as failing_input
}

test_bucket_without_policy_fails if {
	count(rule.deny) == 1 with input as t.with_index([bucket])
}

test_tls_deny_passes if {
	count(rule.deny) == 0 with input as t.with_index([bucket, policy([tls_deny])])
}

test_boolean_condition_value_passes if {
	s := object.union(tls_deny, {"Condition": {"Bool": {"aws:SecureTransport": false}}})
	count(rule.deny) == 0 with input as t.with_index([bucket, policy([s])])
}

test_policy_document_data_source_passes if {
	d := k.data_source("aws_iam_policy_document.tls", {"statement": [{"effect": "Deny", "actions": ["s3:*"], "resources": ["*"], "principals": [{"type": "*", "identifiers": ["*"]}], "condition": [{"test": "Bool", "variable": "aws:SecureTransport", "values": ["false"]}]}]})
	p := t.resource("aws_s3_bucket_policy.b", {"policy": "${data.aws_iam_policy_document.tls.json}"}, {"bucket": ["aws_s3_bucket.b"], "policy": ["data.aws_iam_policy_document.tls"]})
	count(rule.deny) == 0 with input as t.with_index([bucket, d, p])
}

test_unknown_policy_is_reported if {
	p := k.unknown(t.resource("aws_s3_bucket_policy.b", {}, {"bucket": ["aws_s3_bucket.b"], "policy": ["aws_s3_bucket.b"]}), ["policy"])
	k.summary(rule.deny) == {[
		"aws-s3-tls-only-policy", "test/aws_s3_bucket.b",
		"S3 bucket aws_s3_bucket.b has a bucket policy that cannot be read before apply; it cannot be shown to deny requests without TLS",
	]} with input as t.with_index([bucket, p])
}

test_legacy_inline_policy_passes if {
	b := object.union(bucket, {"values": {"policy": json.marshal({"Statement": [tls_deny]})}})
	count(rule.deny) == 0 with input as t.with_index([b])
}

orphan(values, refs) := t.resource("aws_s3_bucket_policy.b", values, refs)

test_policy_without_its_bucket_fails_on_itself if {
	p := orphan({"bucket": "elsewhere", "policy": json.marshal({"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}]})}, {})
	k.summary(rule.deny) == {[
		"aws-s3-tls-only-policy", "test/aws_s3_bucket_policy.b",
		"Bucket policy aws_s3_bucket_policy.b (for bucket elsewhere not in this input) has no statement denying requests where aws:SecureTransport is false",
	]} with input as t.with_index([p])
}

test_unreadable_policy_without_its_bucket_is_unknown if {
	p := k.unknown(orphan({}, {"bucket": ["var.bucket"], "policy": ["var.policy"]}), ["bucket", "policy"])
	k.summary(rule.deny) == {[
		"aws-s3-tls-only-policy", "test/aws_s3_bucket_policy.b",
		"Bucket policy aws_s3_bucket_policy.b (for a bucket not in this input) cannot be read before apply; it cannot be shown to deny requests without TLS",
	]} with input as t.with_index([p])
}

test_tls_policy_without_its_bucket_passes if {
	count(rule.deny) == 0 with input as t.with_index([orphan({"bucket": "elsewhere", "policy": json.marshal({"Statement": [tls_deny]})}, {})])
}

test_weak_policy_with_its_bucket_reports_only_the_bucket if {
	{f.resource.key | some f in rule.deny} == {"test/aws_s3_bucket.b"} with input as failing_input
}
