package leakguard.rules.aws.s3.public_acl_test

import data.leakguard.rules.aws.s3.public_acl as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

bucket := t.resource("aws_s3_bucket.b", {"bucket": "shop-exports"}, {})

failing_input := t.with_index([object.union(bucket, {"values": {"bucket": "shop-exports", "acl": "public-read"}})])

test_public_canned_acl_on_bucket_fails if {
	k.summary(rule.deny) == {[
		"aws-s3-public-acl", "test/aws_s3_bucket.b",
		"aws_s3_bucket.b gives the bucket a public ACL: canned ACL public-read",
	]} with input as failing_input
}

test_acl_resource_with_all_users_grant_fails if {
	acl := t.resource("aws_s3_bucket_acl.b", {"access_control_policy": [{"grant": [{"grantee": [{"type": "Group", "uri": "http://acs.amazonaws.com/groups/global/AllUsers"}], "permission": "READ"}]}]}, {"bucket": ["aws_s3_bucket.b"]})
	k.summary(rule.deny) == {[
		"aws-s3-public-acl", "test/aws_s3_bucket_acl.b",
		"aws_s3_bucket_acl.b gives the bucket a public ACL: a grant to AllUsers",
	]} with input as t.with_index([bucket, acl])
}

test_cdktf_single_block_grant_fails if {
	b := object.union(bucket, {"values": {"grant": {"uri": "http://acs.amazonaws.com/groups/global/AuthenticatedUsers", "permissions": ["READ"]}}})
	count(rule.deny) == 1 with input as t.with_index([b])
}

test_private_acl_passes if {
	acl := t.resource("aws_s3_bucket_acl.b", {"acl": "private"}, {"bucket": ["aws_s3_bucket.b"]})
	count(rule.deny) == 0 with input as t.with_index([bucket, acl])
}

# AWS provider 4+ plans mark the bucket's own acl/grant unknown when nothing sets them.
test_provider_computed_acl_passes if {
	b := k.unknown(bucket, ["acl", "grant"])
	count(rule.deny) == 0 with input as t.with_index([b])
}

test_acl_from_unknown_reference_fails if {
	acl := k.unknown(t.resource("aws_s3_bucket_acl.b", {}, {"bucket": ["aws_s3_bucket.b"], "acl": ["aws_s3_bucket.b"]}), ["acl"])
	k.summary(rule.deny) == {[
		"aws-s3-public-acl", "test/aws_s3_bucket_acl.b",
		"aws_s3_bucket_acl.b has an ACL unknown at plan time; that it does not make the bucket public cannot be verified",
	]} with input as t.with_index([bucket, acl])
}

test_public_object_acl_fails if {
	o := t.resource("aws_s3_object.env", {"bucket": "shop-exports", "key": ".env", "acl": "public-read"}, {})
	k.summary(rule.deny) == {[
		"aws-s3-public-acl", "test/aws_s3_object.env",
		"aws_s3_object.env gives the object a public ACL: canned ACL public-read",
	]} with input as t.with_index([bucket, o])
}

test_private_object_acl_passes if {
	o := t.resource("aws_s3_bucket_object.report", {"bucket": "shop-exports", "key": "report.csv", "acl": "private"}, {})
	count(rule.deny) == 0 with input as t.with_index([bucket, o])
}

# A value of the wrong type (normalize marks it unreadable and drops it): still not shown private.
test_unreadable_acl_fails if {
	acl := object.union(t.resource("aws_s3_bucket_acl.b", {}, {"bucket": ["aws_s3_bucket.b"]}), {"unreadable": ["acl"]})
	k.summary(rule.deny) == {[
		"aws-s3-public-acl", "test/aws_s3_bucket_acl.b",
		"aws_s3_bucket_acl.b has an ACL unknown at plan time; that it does not make the bucket public cannot be verified",
	]} with input as t.with_index([bucket, acl])
}

# An interpolation the tool cannot evaluate is a value the rule reads, not an absent ACL.
test_interpolated_acl_fails if {
	acl := t.resource("aws_s3_bucket_acl.b", {"acl": "${var.acl}"}, {"bucket": ["aws_s3_bucket.b"]})
	count(rule.deny) == 1 with input as t.with_index([bucket, acl])
}
