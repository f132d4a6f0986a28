package leakguard.rules.aws.s3.public_access_block_test

import data.leakguard.rules.aws.s3.public_access_block as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

bucket := t.resource("aws_s3_bucket.b", {"bucket": "shop-exports"}, {})

full := {"block_public_acls": true, "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true}

block(values, refs) := t.resource("aws_s3_bucket_public_access_block.b", values, refs)

summary(fs) := {[f.rule_id, f.control, f.resource.key, f.message] | some f in fs}

failing_input := t.with_index([bucket])

test_bucket_without_block_fails if {
	fs := rule.deny with input as failing_input
	summary(fs) == {[
		"aws-s3-public-access-block", "public-storage", "test/aws_s3_bucket.b",
		"S3 bucket aws_s3_bucket.b has no public access block; its objects can be made public by an ACL or policy",
	]}
}

test_block_linked_by_reference_passes if {
	b := block(object.union(full, {"bucket": "${aws_s3_bucket.b.id}"}), {"bucket": ["aws_s3_bucket.b"]})
	count(rule.deny) == 0 with input as t.with_index([bucket, b])
}

# Plan case: the bucket id is unknown, so the block's `bucket` value is absent and only
# the configuration reference links the two.
test_block_linked_only_by_reference_with_unknown_bucket_passes if {
	b := object.union(block(full, {"bucket": ["aws_s3_bucket.b"]}), {"unknown": ["bucket"]})
	count(rule.deny) == 0 with input as t.with_index([bucket, b])
}

test_incomplete_block_names_missing_flags if {
	b := block({"bucket": "${aws_s3_bucket.b.id}", "block_public_acls": true, "block_public_policy": false}, {"bucket": ["aws_s3_bucket.b"]})
	summary(rule.deny) == {[
		"aws-s3-public-access-block", "public-storage", "test/aws_s3_bucket.b",
		"S3 bucket aws_s3_bucket.b has a public access block without all four flags true (block_public_policy false, ignore_public_acls unset (false by default), restrict_public_buckets unset (false by default))",
	]} with input as t.with_index([bucket, b])
}

test_block_naming_bucket_literally_passes if {
	b := block(object.union(full, {"bucket": "shop-exports"}), {})
	count(rule.deny) == 0 with input as t.with_index([bucket, b])
}

test_account_level_block_passes if {
	a := t.resource("aws_s3_account_public_access_block.acct", full, {})
	count(rule.deny) == 0 with input as t.with_index([bucket, a])
}

test_incomplete_account_level_block_does_not_cover if {
	a := t.resource("aws_s3_account_public_access_block.acct", object.union(full, {"restrict_public_buckets": false}), {})
	summary(rule.deny) == {
		[
			"aws-s3-public-access-block", "public-storage", "test/aws_s3_bucket.b",
			"S3 bucket aws_s3_bucket.b has no public access block; its objects can be made public by an ACL or policy",
		],
		[
			"aws-s3-public-access-block", "public-storage", "test/aws_s3_account_public_access_block.acct",
			"Account public access block aws_s3_account_public_access_block.acct does not block public access for the account's buckets: restrict_public_buckets false",
		],
	} with input as t.with_index([bucket, a])
}

# Guards checked on their own: the block's bucket lives in another stack, module or state.

test_block_without_its_bucket_fails_on_the_block if {
	b := block(object.union(full, {"bucket": "shop-exports", "block_public_policy": false}), {})
	summary(rule.deny) == {[
		"aws-s3-public-access-block", "public-storage", "test/aws_s3_bucket_public_access_block.b",
		"Public access block aws_s3_bucket_public_access_block.b (for bucket shop-exports not in this input) does not block public access: block_public_policy false",
	]} with input as t.with_index([b])
}

test_complete_block_without_its_bucket_passes if {
	count(rule.deny) == 0 with input as t.with_index([block(object.union(full, {"bucket": "shop-exports"}), {})])
}

test_block_with_unknown_flag_and_unnamed_bucket_is_unknown if {
	b := k.unknown(block(object.union(full, {"restrict_public_buckets": null}), {}), ["bucket", "restrict_public_buckets"])
	summary(rule.deny) == {[
		"aws-s3-public-access-block", "public-storage", "test/aws_s3_bucket_public_access_block.b",
		"Public access block aws_s3_bucket_public_access_block.b (for a bucket not in this input) does not block public access: restrict_public_buckets unknown at plan time",
	]} with input as t.with_index([b])
}

# With its bucket in the input the weak block is reported once, on the bucket.
test_block_with_its_bucket_reports_only_the_bucket if {
	by_name := block(object.union(full, {"bucket": "shop-exports", "ignore_public_acls": false}), {})
	by_ref := block(object.union(full, {"bucket": "${aws_s3_bucket.b.id}", "ignore_public_acls": false}), {"bucket": ["aws_s3_bucket.b"]})
	every b in [by_name, by_ref] {
		{f.resource.key | some f in rule.deny} == {"test/aws_s3_bucket.b"} with input as t.with_index([bucket, b])
	}
}

test_weak_account_block_alone_fails if {
	a := t.resource("aws_s3_account_public_access_block.acct", {"block_public_acls": true, "block_public_policy": "${var.x}"}, {"block_public_policy": ["var.x"]})
	summary(rule.deny) == {[
		"aws-s3-public-access-block", "public-storage", "test/aws_s3_account_public_access_block.acct",
		"Account public access block aws_s3_account_public_access_block.acct does not block public access for the account's buckets: block_public_policy unknown at plan time, ignore_public_acls unset (false by default), restrict_public_buckets unset (false by default)",
	]} with input as t.with_index([a])
}
