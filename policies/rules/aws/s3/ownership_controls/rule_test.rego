package leakguard.rules.aws.s3.ownership_controls_test

import data.leakguard.rules.aws.s3.ownership_controls as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

bucket := t.resource("aws_s3_bucket.b", {"bucket": "shop-exports"}, {})

controls(ownership) := t.resource("aws_s3_bucket_ownership_controls.b", {"bucket": "${aws_s3_bucket.b.id}", "rule": {"object_ownership": ownership}}, {"bucket": ["aws_s3_bucket.b"]})

failing_input := t.with_index([bucket])

test_bucket_without_controls_fails if {
	k.summary(rule.deny) == {[
		"aws-s3-ownership-controls", "test/aws_s3_bucket.b",
		"S3 bucket aws_s3_bucket.b has no ownership controls, so ACLs can still grant access",
	]} with input as failing_input
}

test_bucket_owner_preferred_fails if {
	k.summary(rule.deny) == {[
		"aws-s3-ownership-controls", "test/aws_s3_bucket.b",
		"S3 bucket aws_s3_bucket.b has object ownership BucketOwnerPreferred, not BucketOwnerEnforced, so ACLs can still grant access",
	]} with input as t.with_index([bucket, controls("BucketOwnerPreferred")])
}

test_enforced_passes if {
	count(rule.deny) == 0 with input as t.with_index([bucket, controls("BucketOwnerEnforced")])
}

test_enforced_by_literal_name_in_plan_shape_passes if {
	c := t.resource("aws_s3_bucket_ownership_controls.b", {"bucket": "shop-exports", "rule": [{"object_ownership": "BucketOwnerEnforced"}]}, {})
	count(rule.deny) == 0 with input as t.with_index([bucket, c])
}

test_unknown_ownership_fails if {
	c := k.unknown(object.union(controls("x"), {"values": {"rule": [{}]}, "references": {"bucket": ["test/aws_s3_bucket.b"], "rule.object_ownership": ["test/aws_s3_bucket.b"]}}), ["rule.object_ownership"])
	k.summary(rule.deny) == {[
		"aws-s3-ownership-controls", "test/aws_s3_bucket.b",
		"S3 bucket aws_s3_bucket.b has object ownership unknown at plan time, not BucketOwnerEnforced, so ACLs can still grant access",
	]} with input as t.with_index([bucket, c])
}

test_interpolated_ownership_is_unknown_not_raw_text if {
	c := object.union(controls("${var.object_ownership}"), {"references": {"bucket": ["test/aws_s3_bucket.b"], "rule.object_ownership": ["test/var.object_ownership"]}})
	k.summary(rule.deny) == {[
		"aws-s3-ownership-controls", "test/aws_s3_bucket.b",
		"S3 bucket aws_s3_bucket.b has object ownership unknown at plan time, not BucketOwnerEnforced, so ACLs can still grant access",
	]} with input as t.with_index([bucket, c])
}

test_controls_without_their_bucket_fail_on_themselves if {
	c := t.resource("aws_s3_bucket_ownership_controls.b", {"bucket": "elsewhere", "rule": [{"object_ownership": "ObjectWriter"}]}, {})
	k.summary(rule.deny) == {[
		"aws-s3-ownership-controls", "test/aws_s3_bucket_ownership_controls.b",
		"Ownership controls aws_s3_bucket_ownership_controls.b (for bucket elsewhere not in this input) set object ownership ObjectWriter, not BucketOwnerEnforced, so ACLs can still grant access",
	]} with input as t.with_index([c])
}

test_enforced_controls_without_their_bucket_pass if {
	c := t.resource("aws_s3_bucket_ownership_controls.b", {"bucket": "elsewhere", "rule": [{"object_ownership": "BucketOwnerEnforced"}]}, {})
	count(rule.deny) == 0 with input as t.with_index([c])
}

test_weak_controls_with_their_bucket_report_only_the_bucket if {
	{f.resource.key | some f in rule.deny} == {"test/aws_s3_bucket.b"} with input as t.with_index([bucket, controls("ObjectWriter")])
}
