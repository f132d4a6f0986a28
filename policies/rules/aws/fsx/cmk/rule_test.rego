package leakguard.rules.aws.fsx.cmk_test

import data.leakguard.rules.aws.fsx.cmk as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

key := "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

fs(type, values, refs) := t.resource(sprintf("%s.share", [type]), object.union({"storage_capacity": 1200, "subnet_ids": ["subnet-0a1b2c3d4e5f60718"]}, values), refs)

failing_input := t.with_index([fs("aws_fsx_windows_file_system", {}, {})])

managed(type, label) := sprintf("%s %s.share is encrypted with an AWS-managed key, but it is not classified as holding no personal information: set kms_key_id to a customer-managed key", [label, type])

test_every_type_without_a_key_fails if {
	every type, label in rule.labels {
		values := object.get({"aws_fsx_lustre_file_system": {"deployment_type": "PERSISTENT_2"}}, type, {})
		k.summary(rule.deny) == {["aws-fsx-cmk", sprintf("test/%s.share", [type]), managed(type, label)]} with input as t.with_index([fs(type, values, {})])
	}
}

test_aws_managed_alias_fails if {
	k.summary(rule.deny) == {["aws-fsx-cmk", "test/aws_fsx_openzfs_file_system.share", managed("aws_fsx_openzfs_file_system", "FSx for OpenZFS file system")]} with input as t.with_index([fs("aws_fsx_openzfs_file_system", {"kms_key_id": "alias/aws/fsx"}, {})])
}

test_customer_key_passes if {
	every type, _ in rule.labels {
		count(rule.deny) == 0 with input as t.with_index([fs(type, {"kms_key_id": key, "deployment_type": "PERSISTENT_1"}, {})])
		count(rule.deny) == 0 with input as t.with_index([fs(type, {"kms_key_id": "${aws_kms_key.k.arn}", "deployment_type": "PERSISTENT_1"}, {"kms_key_id": ["aws_kms_key.k"]})])
	}
}

test_lustre_scratch_cannot_be_keyed if {
	scratch := "FSx for Lustre file system aws_fsx_lustre_file_system.share is a %s deployment, which FSx encrypts with a key of its own and which takes no customer-managed key, but it is not classified as holding no personal information: use deployment_type PERSISTENT_2 with kms_key_id"
	k.summary(rule.deny) == {["aws-fsx-cmk", "test/aws_fsx_lustre_file_system.share", sprintf(scratch, ["SCRATCH_1"])]} with input as t.with_index([fs("aws_fsx_lustre_file_system", {}, {})])
	k.summary(rule.deny) == {["aws-fsx-cmk", "test/aws_fsx_lustre_file_system.share", sprintf(scratch, ["SCRATCH_2"])]} with input as t.with_index([fs("aws_fsx_lustre_file_system", {"deployment_type": "SCRATCH_2", "kms_key_id": key}, {})])
}

test_non_pii_passes if {
	count(rule.deny) == 0 with input as t.with_index([k.tagged(fs("aws_fsx_windows_file_system", {}, {}), {"data-classification": "internal"})])
	count(rule.deny) == 0 with input as t.with_index([k.tagged(fs("aws_fsx_lustre_file_system", {}, {}), {"data-classification": "internal"})])
}

test_unknown_fails if {
	k.summary(rule.deny) == {[
		"aws-fsx-cmk", "test/aws_fsx_ontap_file_system.share",
		"FSx for NetApp ONTAP file system aws_fsx_ontap_file_system.share has kms_key_id unknown before apply; the key it is encrypted with cannot be verified",
	]} with input as t.with_index([fs("aws_fsx_ontap_file_system", {"kms_key_id": "${var.key}"}, {})])
	k.summary(rule.deny) == {[
		"aws-fsx-cmk", "test/aws_fsx_lustre_file_system.share",
		"FSx for Lustre file system aws_fsx_lustre_file_system.share has deployment_type unknown before apply; whether it can take a customer-managed key cannot be verified",
	]} with input as t.with_index([fs("aws_fsx_lustre_file_system", {"deployment_type": "${var.kind}", "kms_key_id": key}, {})])
}
