package leakguard.rules.aws.s3.versioning_test

import data.leakguard.rules.aws.s3.versioning as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

bucket := k.tagged(t.resource("aws_s3_bucket.exports", {"bucket": "shop-exports"}, {}), {"data-classification": "pii"})

versioning(status) := t.resource("aws_s3_bucket_versioning.exports", {"bucket": "${aws_s3_bucket.exports.id}", "versioning_configuration": [{"status": status}]}, {"bucket": ["aws_s3_bucket.exports"]})

test_unversioned_pii_bucket_fails if {
	k.summary(rule.deny) == {["aws-s3-versioning", "test/aws_s3_bucket.exports", "S3 bucket aws_s3_bucket.exports is classified pii but does not have versioning enabled; an overwrite or delete cannot be undone"]} with input as t.with_index([bucket])
	count(rule.deny) == 1 with input as t.with_index([bucket, versioning("Suspended")])
}

test_versioned_or_non_pii_buckets_pass if {
	count(rule.deny) == 0 with input as t.with_index([bucket, versioning("Enabled")])
	count(rule.deny) == 0 with input as t.with_index([bucket, t.resource("aws_s3_bucket_versioning.exports", {"bucket": "shop-exports", "versioning_configuration": {"status": "Enabled"}}, {})])
	count(rule.deny) == 0 with input as t.with_index([object.union(bucket, {"values": {"bucket": "shop-exports", "versioning": [{"enabled": true}]}})])
	count(rule.deny) == 0 with input as t.with_index([k.tagged(t.resource("aws_s3_bucket.site", {"bucket": "shop-site"}, {}), {"data-classification": "public"})])
}

test_unknown_status_fails if {
	k.summary(rule.deny) == {["aws-s3-versioning", "test/aws_s3_bucket.exports", "S3 bucket aws_s3_bucket.exports is classified pii and its versioning status is not readable before apply"]} with input as t.with_index([bucket, versioning("${var.status}")])
}
