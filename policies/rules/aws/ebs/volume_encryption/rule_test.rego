package leakguard.rules.aws.ebs.volume_encryption_test

import data.leakguard.rules.aws.ebs.volume_encryption as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

volume(values) := t.resource("aws_ebs_volume.data", object.union({"availability_zone": "us-west-2a", "size": 10}, values), {})

cmk := "arn:aws:kms:us-west-2:111122223333:key/k"

failing_input := t.with_index([volume({})])

test_unencrypted_fails if {
	k.summary(rule.deny) == {["aws-ebs-volume-encryption", "test/aws_ebs_volume.data", "EBS volume aws_ebs_volume.data is not encrypted (encrypted is not true and us-west-2 has no aws_ebs_encryption_by_default)"]} with input as failing_input
	count(rule.deny) == 1 with input as t.with_index([volume({"encrypted": false})])
}

test_aws_managed_key_fails if {
	k.summary(rule.deny) == {["aws-ebs-volume-encryption", "test/aws_ebs_volume.data", "EBS volume aws_ebs_volume.data is encrypted with the AWS-managed key, but it is not classified as holding no personal information: set kms_key_id (or the region's aws_ebs_default_kms_key) to a customer-managed key"]} with input as t.with_index([volume({"encrypted": true})])
	count(rule.deny) == 0 with input as t.with_index([k.tagged(volume({"encrypted": true}), {"data-classification": "public"})])
}

test_cmk_or_region_default_passes if {
	count(rule.deny) == 0 with input as t.with_index([volume({"encrypted": true, "kms_key_id": cmk})])
	default_on := t.resource("aws_ebs_encryption_by_default.on", {}, {})
	default_key := t.resource("aws_ebs_default_kms_key.k", {"key_arn": cmk}, {})
	count(rule.deny) == 0 with input as t.with_index([volume({}), default_on, default_key])
	count(rule.deny) == 0 with input as t.with_index([volume({"encrypted": true}), default_on, default_key])

	# The default of another region, or one turned off, does not count.
	count(rule.deny) == 1 with input as t.with_index([volume({}), k.in_region(default_on, "eu-west-1"), default_key])
	count(rule.deny) == 1 with input as t.with_index([volume({}), t.resource("aws_ebs_encryption_by_default.off", {"enabled": false}, {})])

	# Encrypted by default, but only under the AWS-managed key.
	count(rule.deny) == 1 with input as t.with_index([volume({}), default_on])
}

test_unknown_flag_fails if {
	k.summary(rule.deny) == {["aws-ebs-volume-encryption", "test/aws_ebs_volume.data", "EBS volume aws_ebs_volume.data has encrypted unknown before apply; its encryption cannot be verified"]} with input as t.with_index([volume({"encrypted": "${var.encrypted}", "kms_key_id": cmk})])
}
