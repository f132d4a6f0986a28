package leakguard.rules.aws.ebs.encryption_by_default_test

import data.leakguard.rules.aws.ebs.encryption_by_default as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

failing_input := t.with_index([t.resource("aws_ebs_encryption_by_default.this", {"enabled": false}, {})])

test_disabled_fails if {
	k.summary(rule.deny) == {["aws-ebs-encryption-by-default", "test/aws_ebs_encryption_by_default.this", "aws_ebs_encryption_by_default.this turns EBS encryption by default off in us-west-2"]} with input as failing_input
}

test_enabled_or_default_passes if {
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_ebs_encryption_by_default.this", {"enabled": true}, {})])
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_ebs_encryption_by_default.this", {}, {})])
}

test_unknown_fails if {
	r := t.resource("aws_ebs_encryption_by_default.this", {"enabled": "${var.on}"}, {})
	k.summary(rule.deny) == {["aws-ebs-encryption-by-default", "test/aws_ebs_encryption_by_default.this", "aws_ebs_encryption_by_default.this has enabled unknown before apply; EBS encryption by default cannot be verified"]} with input as t.with_index([r])
}

test_region_creating_volumes_without_default_fails if {
	vol := t.resource("aws_ebs_volume.data", {"availability_zone": "us-west-2a", "size": 10, "encrypted": true}, {})
	web := t.resource("aws_instance.web", {"ami": "ami-1"}, {})
	k.summary(rule.deny) == {["aws-ebs-encryption-by-default", "test/aws_ebs_volume.data", "Region us-west-2 creates EBS volumes (first: aws_ebs_volume.data) but has no aws_ebs_encryption_by_default; volumes there are unencrypted unless each one asks"]} with input as t.with_index([web, vol])

	# A default in the region, or in the region-unknown scope for an unresolved region.
	count(rule.deny) == 0 with input as t.with_index([web, vol, t.resource("aws_ebs_encryption_by_default.this", {}, {})])
	east := object.union(t.resource("aws_launch_template.east", {}, {}), {"region": "us-east-1"})
	k.summary(rule.deny) == {["aws-ebs-encryption-by-default", "test/aws_launch_template.east", "Region us-east-1 creates EBS volumes (first: aws_launch_template.east) but has no aws_ebs_encryption_by_default; volumes there are unencrypted unless each one asks"]} with input as t.with_index([web, east, t.resource("aws_ebs_encryption_by_default.this", {}, {})])
	nowhere := object.union(t.resource("aws_instance.nowhere", {}, {}), {"region": null})
	k.summary(rule.deny) == {["aws-ebs-encryption-by-default", "test/aws_instance.nowhere", "Region (region unknown) creates EBS volumes (first: aws_instance.nowhere) but has no aws_ebs_encryption_by_default; volumes there are unencrypted unless each one asks"]} with input as t.with_index([nowhere, t.resource("aws_ebs_encryption_by_default.this", {}, {})])

	# Resources that create no volume need no default.
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_s3_bucket.b", {}, {})])
}
