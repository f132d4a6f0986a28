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

# An aws_iam_policy_document merges JSON documents around its statement blocks
# (source_policy_documents, override_policy_documents, the legacy source_json and
# override_json): a public statement passed in as a document is in the policy.
layered(values) := t.with_index([
	bucket,
	k.data_source("aws_iam_policy_document.merged", values),
	t.resource("aws_s3_bucket_policy.b", {"policy": "${data.aws_iam_policy_document.merged.json}"}, {"bucket": ["aws_s3_bucket.b"], "policy": ["data.aws_iam_policy_document.merged"]}),
])

tls_block := {"sid": "TLS", "effect": "Deny", "actions": ["s3:*"], "resources": ["*"], "principals": [{"type": "AWS", "identifiers": ["*"]}], "condition": [{"test": "Bool", "variable": "aws:SecureTransport", "values": ["false"]}]}

public_statement(sid) := {"Sid": sid, "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}

private_statement(sid) := {"Sid": sid, "Effect": "Allow", "Principal": {"Service": "cloudfront.amazonaws.com"}, "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"AWS:SourceArn": "arn:aws:cloudfront::111122223333:distribution/E1"}}}

test_public_statement_in_a_source_document_fails if {
	count(rule.deny) == 1 with input as layered({"statement": [tls_block], "source_policy_documents": [json.marshal({"Statement": [public_statement("Public")]})]})
	count(rule.deny) == 1 with input as layered({"statement": [tls_block], "source_json": json.marshal({"Statement": [public_statement("Public")]})})
	count(rule.deny) == 1 with input as layered({"statement": [tls_block], "override_policy_documents": [json.marshal({"Statement": [public_statement("")]})]})
	count(rule.deny) == 1 with input as layered({"override_json": json.marshal({"Statement": public_statement("Public")})})
}

distribution := {"test": "StringEquals", "variable": "AWS:SourceArn", "values": ["arn:aws:cloudfront::111122223333:distribution/E1"]}

test_a_later_layer_replaces_a_statement_with_the_same_sid if {
	# A block overrides a source statement of its sid; an override document overrides a block.
	count(rule.deny) == 0 with input as layered({"statement": [object.union(tls_block, {"sid": "Read", "effect": "Allow", "principals": [{"type": "Service", "identifiers": ["cloudfront.amazonaws.com"]}], "condition": [distribution]})], "source_policy_documents": [json.marshal({"Statement": [public_statement("Read")]})]})
	count(rule.deny) == 0 with input as layered({"statement": [object.union(tls_block, {"sid": "Read", "effect": "Allow", "condition": []})], "override_policy_documents": [json.marshal({"Statement": [private_statement("Read")]})]})
	count(rule.deny) == 1 with input as layered({"statement": [tls_block], "override_policy_documents": [json.marshal({"Statement": [private_statement("Read")]}), json.marshal({"Statement": [public_statement("Read")]})]})

	# Without a sid nothing is replaced: both are in the policy.
	count(rule.deny) == 1 with input as layered({"statement": [object.union(tls_block, {"sid": "", "effect": "Allow", "principals": [{"type": "Service", "identifiers": ["cloudfront.amazonaws.com"]}], "condition": [distribution]})], "source_policy_documents": [json.marshal({"Statement": [public_statement("")]})]})
}

test_an_unreadable_merged_document_is_reported if {
	unreadable := "aws_s3_bucket_policy.b has a bucket policy that cannot be read before apply; it cannot be shown not to allow every principal"
	k.summary(rule.deny) == {["aws-s3-policy-public-principal", "test/aws_s3_bucket_policy.b", unreadable]} with input as layered({"statement": [tls_block], "source_policy_documents": ["${var.extra_policy}"]})
	k.summary(rule.deny) == {["aws-s3-policy-public-principal", "test/aws_s3_bucket_policy.b", unreadable]} with input as t.with_index([
		bucket,
		k.unknown(k.data_source("aws_iam_policy_document.merged", {"statement": [tls_block]}), ["override_policy_documents"]),
		t.resource("aws_s3_bucket_policy.b", {"policy": "${data.aws_iam_policy_document.merged.json}"}, {"bucket": ["aws_s3_bucket.b"], "policy": ["data.aws_iam_policy_document.merged"]}),
	])

	# An empty document string is no document (the provider ignores it).
	count(rule.deny) == 0 with input as layered({"statement": [tls_block], "source_json": "", "override_policy_documents": []})
}

# Allow with NotPrincipal grants every principal but those named.
test_allow_with_not_principal_fails if {
	doc := {"Statement": [{"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:role/admin"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::shop-exports/*"}]}
	k.summary(rule.deny) == {[
		"aws-s3-policy-public-principal", "test/aws_s3_bucket_policy.b",
		"aws_s3_bucket_policy.b allows s3:getobject (NotPrincipal: all but those it names) to every principal without a restricting condition",
	]} with input as t.with_index([bucket, policy(doc)])
}

test_deny_with_not_principal_passes if {
	doc := {"Statement": [{"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:role/admin"}, "Action": "s3:*", "Resource": "*"}]}
	count(rule.deny) == 0 with input as t.with_index([bucket, policy(doc)])
}

# CloudFront's service principal acts for every distribution of every account: an origin
# access control's policy must name the distribution.
oac(condition) := {"Statement": [object.union(
	{"Effect": "Allow", "Principal": {"Service": "cloudfront.amazonaws.com"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::shop-exports/*"},
	condition,
)]}

test_cloudfront_without_source_arn_fails if {
	k.summary(rule.deny) == {[
		"aws-s3-policy-public-principal", "test/aws_s3_bucket_policy.b",
		"aws_s3_bucket_policy.b allows s3:getobject (cloudfront.amazonaws.com: any account's distribution) to every principal without a restricting condition",
	]} with input as t.with_index([bucket, policy(oac({}))])
}

test_cloudfront_with_wildcard_distribution_fails if {
	count(rule.deny) == 1 with input as t.with_index([bucket, policy(oac({"Condition": {"StringLike": {"AWS:SourceArn": "arn:aws:cloudfront::*:distribution/*"}}}))])
}

test_cloudfront_with_its_distribution_passes if {
	count(rule.deny) == 0 with input as t.with_index([bucket, policy(oac({"Condition": {"StringEquals": {"AWS:SourceArn": "arn:aws:cloudfront::111122223333:distribution/E1"}}}))])
}

# The distribution's ARN where only apply knows it (a partly known document read from the code).
test_cloudfront_with_a_distribution_known_after_apply_passes if {
	count(rule.deny) == 0 with input as t.with_index([bucket, policy(oac({"Condition": {"StringEquals": {"AWS:SourceArn": "(known after apply)"}}}))])
}
