package leakguard.rules.aws.ebs.snapshot_encryption_test

import data.leakguard.rules.aws.ebs.snapshot_encryption as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

volume(values) := t.resource("aws_ebs_volume.data", object.union({"availability_zone": "us-west-2a", "size": 10}, values), {})

snapshot := t.resource("aws_ebs_snapshot.nightly", {"volume_id": "${aws_ebs_volume.data.id}"}, {"volume_id": ["aws_ebs_volume.data"]})

failing_input := t.with_index([volume({}), snapshot])

test_snapshot_of_unencrypted_volume_fails if {
	k.summary(rule.deny) == {["aws-ebs-snapshot-encryption", "test/aws_ebs_snapshot.nightly", "EBS snapshot aws_ebs_snapshot.nightly is not encrypted"]} with input as failing_input
}

test_snapshot_of_encrypted_volume_passes if {
	count(rule.deny) == 0 with input as t.with_index([volume({"encrypted": true}), snapshot])
}

copy(values) := t.resource("aws_ebs_snapshot_copy.dr", object.union({"source_region": "us-west-2", "source_snapshot_id": "${aws_ebs_snapshot.nightly.id}"}, values), {"source_snapshot_id": ["aws_ebs_snapshot.nightly"]})

test_copies if {
	# An unencrypted copy of an unencrypted snapshot.
	k.summary(rule.deny) == {
		["aws-ebs-snapshot-encryption", "test/aws_ebs_snapshot.nightly", "EBS snapshot aws_ebs_snapshot.nightly is not encrypted"],
		["aws-ebs-snapshot-encryption", "test/aws_ebs_snapshot_copy.dr", "EBS snapshot aws_ebs_snapshot_copy.dr is not encrypted"],
	} with input as t.with_index([volume({}), snapshot, copy({})])

	# Encrypting the copy, copying an encrypted snapshot, or the region default.
	count(rule.deny) == 1 with input as t.with_index([volume({}), snapshot, copy({"encrypted": true})])
	count(rule.deny) == 0 with input as t.with_index([volume({"encrypted": true}), snapshot, copy({})])
	count(rule.deny) == 0 with input as t.with_index([volume({}), snapshot, copy({}), t.resource("aws_ebs_encryption_by_default.on", {"enabled": true}, {})])
	count(rule.deny) == 1 with input as t.with_index([t.resource("aws_ebs_snapshot_import.i", {"encrypted": false}, {})])
}

test_unknown_source_fails if {
	orphan := t.resource("aws_ebs_snapshot.orphan", {"volume_id": "vol-0123"}, {})
	k.summary(rule.deny) == {["aws-ebs-snapshot-encryption", "test/aws_ebs_snapshot.orphan", "EBS snapshot aws_ebs_snapshot.orphan: its encryption cannot be verified before apply (source volume not in the input or flag unknown)"]} with input as t.with_index([orphan])
}
