package leakguard.rules.aws.s3.policy_public_principal_test

import data.leakguard.rules.aws.s3.policy_public_principal as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

bucket := t.resource("aws_s3_bucket.b", {"bucket": "shop-exports"}, {})

policy(doc) := t.resource("aws_s3_bucket_policy.b", {"policy": json.marshal(doc)}, {"bucket": ["aws_s3_bucket.b"]})

public_read := {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::shop-exports/*"}]}

failing_input := t.with_index([bucket, policy(public_read)])

test_public_read_policy_fails if {
	k.summary(rule.deny) == {[
		"aws-s3-policy-public-principal", "test/aws_s3_bucket_policy.b",
		"aws_s3_bucket_policy.b allows s3:getobject to every principal without a restricting condition",
	]} with input as failing_input
}

test_aws_star_principal_with_not_action_fails if {
	doc := {"Statement": {"Effect": "Allow", "Principal": {"AWS": ["*"]}, "NotAction": "s3:DeleteObject", "Resource": "*"}}
	k.summary(rule.deny) == {[
		"aws-s3-policy-public-principal", "test/aws_s3_bucket_policy.b",
		"aws_s3_bucket_policy.b allows everything but s3:deleteobject to every principal without a restricting condition",
	]} with input as t.with_index([bucket, policy(doc)])
}

test_condition_on_source_arn_passes if {
	doc := {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"AWS:SourceArn": "arn:aws:cloudfront::111122223333:distribution/E1"}}}]}
	count(rule.deny) == 0 with input as t.with_index([bucket, policy(doc)])
}

test_deny_statement_and_service_principal_pass if {
	doc := {"Statement": [
		{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": false}}},
		{"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "*"},
	]}
	count(rule.deny) == 0 with input as t.with_index([bucket, policy(doc)])
}

test_policy_document_data_source_is_read if {
	d := k.data_source("aws_iam_policy_document.public", {"statement": [{"effect": "Allow", "actions": ["s3:GetObject"], "resources": ["*"], "principals": [{"type": "*", "identifiers": ["*"]}]}]})
	p := t.resource("aws_s3_bucket_policy.b", {"policy": "${data.aws_iam_policy_document.public.json}"}, {"bucket": ["aws_s3_bucket.b"], "policy": ["data.aws_iam_policy_document.public"]})
	count(rule.deny) == 1 with input as t.with_index([bucket, d, p])
}

test_policy_document_with_condition_passes if {
	d := k.data_source("aws_iam_policy_document.oac", {"statement": {"actions": ["s3:GetObject"], "resources": ["*"], "principals": {"type": "AWS", "identifiers": ["*"]}, "condition": {"test": "StringEquals", "variable": "aws:SourceVpce", "values": ["vpce-1"]}}})
	p := t.resource("aws_s3_bucket_policy.b", {"policy": "${data.aws_iam_policy_document.oac.json}"}, {"bucket": ["aws_s3_bucket.b"], "policy": ["data.aws_iam_policy_document.oac"]})
	count(rule.deny) == 0 with input as t.with_index([bucket, d, p])
}

test_jsonencode_expression_is_reported if {
	p := t.resource("aws_s3_bucket_policy.b", {"policy": "${jsonencode({Statement = []})}"}, {"bucket": ["aws_s3_bucket.b"]})
	k.summary(rule.deny) == {[
		"aws-s3-policy-public-principal", "test/aws_s3_bucket_policy.b",
		"aws_s3_bucket_policy.b has a bucket policy that cannot be read before apply; it cannot be shown not to allow every principal",
	]} with input as t.with_index([bucket, p])
}

test_provider_computed_inline_policy_passes if {
	count(rule.deny) == 0 with input as t.with_index([k.unknown(bucket, ["policy"])])
}

test_inline_public_policy_fails if {
	b := object.union(bucket, {"values": {"policy": json.marshal(public_read)}})
	count(rule.deny) == 1 with input as t.with_index([b])
}

test_wildcard_principal_arn_condition_fails if {
	doc := {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*", "Condition": {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*"}}}]}
	count(rule.deny) == 1 with input as t.with_index([bucket, policy(doc)])
}
