package leakguard.rules.aws.ebs.volume_backup_test

import data.leakguard.rules.aws.ebs.volume_backup as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

volume := k.tagged(t.resource("aws_ebs_volume.orders", {"availability_zone": "us-west-2a", "size": 50}, {}), {"data-classification": "pii"})

dlm(values) := t.resource("aws_dlm_lifecycle_policy.pii", object.union({"description": "daily", "policy_details": [{"resource_types": ["VOLUME"], "target_tags": {"data-classification": "pii"}}]}, values), {})

test_unprotected_pii_volume_fails if {
	k.summary(rule.deny) == {["aws-ebs-volume-backup", "test/aws_ebs_volume.orders", "EBS volume aws_ebs_volume.orders is classified pii but no Data Lifecycle Manager policy or AWS Backup selection snapshots it"]} with input as t.with_index([volume])

	# A disabled policy, one for instances, or one for other tags.
	count(rule.deny) == 1 with input as t.with_index([volume, dlm({"state": "DISABLED"})])
	count(rule.deny) == 1 with input as t.with_index([volume, dlm({"policy_details": [{"resource_types": ["INSTANCE"], "target_tags": {"data-classification": "pii"}}]})])
	count(rule.deny) == 1 with input as t.with_index([volume, dlm({"policy_details": [{"resource_types": ["VOLUME"], "target_tags": {"data-classification": "public"}}]})])
}

test_snapshotted_or_non_pii_volumes_pass if {
	count(rule.deny) == 0 with input as t.with_index([volume, dlm({})])
	count(rule.deny) == 0 with input as t.with_index([volume, t.resource("aws_backup_selection.pii", {"selection_tag": [{"type": "STRINGEQUALS", "key": "data-classification", "value": "pii"}]}, {})])
	count(rule.deny) == 0 with input as t.with_index([volume, t.resource("aws_backup_selection.orders", {"resources": ["${aws_ebs_volume.orders.arn}"]}, {"resources": ["aws_ebs_volume.orders"]})])
	count(rule.deny) == 0 with input as t.with_index([k.tagged(t.resource("aws_ebs_volume.scratch", {"size": 10}, {}), {"data-classification": "internal"})])
}
