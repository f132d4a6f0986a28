package leakguard.rules.aws.s3.cors_public_write_test

import data.leakguard.rules.aws.s3.cors_public_write as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

cors(rules) := t.resource("aws_s3_bucket_cors_configuration.uploads", {"bucket": "shop-uploads", "cors_rule": rules}, {})

failing_input := t.with_index([cors([{"allowed_methods": ["GET", "PUT", "POST"], "allowed_origins": ["*"], "allowed_headers": ["*"]}])])

test_write_from_any_origin_fails if {
	k.summary(rule.deny) == {["aws-s3-cors-public-write", "test/aws_s3_bucket_cors_configuration.uploads", "S3 CORS configuration aws_s3_bucket_cors_configuration.uploads lets any website send POST, PUT requests to bucket shop-uploads from its visitors' browsers (CORS allowed_origins *)"]} with input as failing_input
	count(rule.deny) == 1 with input as t.with_index([cors([{"allowed_methods": ["delete"], "allowed_origins": ["https://shop.example.com", "https://*"]}])])

	# A single block (CDKTF) and the bucket set by reference.
	k.summary(rule.deny) == {["aws-s3-cors-public-write", "test/aws_s3_bucket_cors_configuration.uploads", "S3 CORS configuration aws_s3_bucket_cors_configuration.uploads lets any website send DELETE requests to the bucket from its visitors' browsers (CORS allowed_origins *)"]} with input as t.with_index([t.resource("aws_s3_bucket_cors_configuration.uploads", {"bucket": "${aws_s3_bucket.uploads.id}", "cors_rule": {"allowed_methods": ["DELETE"], "allowed_origins": ["*"]}}, {"bucket": ["aws_s3_bucket.uploads"]})])

	# The deprecated inline cors_rule of aws_s3_bucket.
	k.summary(rule.deny) == {["aws-s3-cors-public-write", "test/aws_s3_bucket.uploads", "S3 bucket aws_s3_bucket.uploads lets any website send PUT requests to bucket shop-uploads from its visitors' browsers (CORS allowed_origins *)"]} with input as t.with_index([t.resource("aws_s3_bucket.uploads", {"bucket": "shop-uploads", "cors_rule": [{"allowed_methods": ["PUT"], "allowed_origins": ["*"]}]}, {})])
}

test_read_only_or_named_origins_pass if {
	count(rule.deny) == 0 with input as t.with_index([cors([{"allowed_methods": ["GET", "HEAD"], "allowed_origins": ["*"]}])])
	count(rule.deny) == 0 with input as t.with_index([cors([{"allowed_methods": ["PUT", "POST"], "allowed_origins": ["https://shop.example.com", "https://*.example.com"]}, {"allowed_methods": ["GET"], "allowed_origins": ["*"]}])])

	# A bucket without CORS (a plan shows the computed cors_rule unknown).
	count(rule.deny) == 0 with input as t.with_index([k.unknown(t.resource("aws_s3_bucket.uploads", {"bucket": "shop-uploads"}, {}), ["cors_rule"])])
}

test_unknown_origins_or_methods_fail if {
	k.summary(rule.deny) == {["aws-s3-cors-public-write", "test/aws_s3_bucket_cors_configuration.uploads", "S3 CORS configuration aws_s3_bucket_cors_configuration.uploads allows PUT from origins unknown at plan time; that only named websites may write to bucket shop-uploads cannot be verified"]} with input as t.with_index([cors([{"allowed_methods": ["PUT"], "allowed_origins": "${var.origins}"}])])
	k.summary(rule.deny) == {["aws-s3-cors-public-write", "test/aws_s3_bucket_cors_configuration.uploads", "S3 CORS configuration aws_s3_bucket_cors_configuration.uploads opens bucket shop-uploads to any website (CORS allowed_origins *) with methods unknown at plan time; that no write is allowed cannot be verified"]} with input as t.with_index([cors([{"allowed_methods": ["${var.method}"], "allowed_origins": ["*"]}])])
	count(rule.deny) == 1 with input as t.with_index([k.unknown(cors([{"allowed_methods": ["POST"]}]), ["cors_rule.allowed_origins"])])
	count(rule.deny) == 1 with input as t.with_index([cors([{"allowed_methods": "${var.methods}", "allowed_origins": "${var.origins}"}])])

	# Read-only methods with unknown origins, or named origins with unknown methods: nothing open.
	count(rule.deny) == 0 with input as t.with_index([cors([{"allowed_methods": ["GET"], "allowed_origins": "${var.origins}"}])])
	count(rule.deny) == 0 with input as t.with_index([cors([{"allowed_methods": "${var.methods}", "allowed_origins": ["https://shop.example.com"]}])])
}

test_bucket_named_through_its_link if {
	bucket := t.resource("aws_s3_bucket.uploads", {"bucket": "shop-uploads"}, {})
	k.summary(rule.deny) == {["aws-s3-cors-public-write", "test/aws_s3_bucket_cors_configuration.uploads", "S3 CORS configuration aws_s3_bucket_cors_configuration.uploads lets any website send PUT requests to bucket shop-uploads from its visitors' browsers (CORS allowed_origins *)"]} with input as t.with_index([bucket, t.resource("aws_s3_bucket_cors_configuration.uploads", {"bucket": "${aws_s3_bucket.uploads.id}", "cors_rule": [{"allowed_methods": ["PUT"], "allowed_origins": ["*"]}]}, {"bucket": ["aws_s3_bucket.uploads"]})])
}

test_rules_unknown_fail_unverified if {
	msg := "S3 CORS configuration aws_s3_bucket_cors_configuration.uploads has CORS rules unknown at plan time; that no website may write to bucket shop-uploads cannot be verified"
	every how in [{"references": {"cors_rule": ["test/terraform_data.elsewhere"]}}, {"unlinked": ["cors_rule"]}] {
		c := object.union(t.resource("aws_s3_bucket_cors_configuration.uploads", {"bucket": "shop-uploads"}, {}), object.union({"unknown": ["cors_rule"]}, how))
		k.summary(rule.deny) == {["aws-s3-cors-public-write", "test/aws_s3_bucket_cors_configuration.uploads", msg]} with input as t.with_index([c])
	}
}

test_computed_bucket_rules_pass if {
	b := object.union(t.resource("aws_s3_bucket.uploads", {"bucket": "shop-uploads"}, {}), {"unknown": ["cors_rule"]})
	count(rule.deny) == 0 with input as t.with_index([b])
}
