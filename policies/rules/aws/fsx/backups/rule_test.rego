package leakguard.rules.aws.fsx.backups_test

import data.leakguard.rules.aws.fsx.backups as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

fs(type, values) := t.resource(sprintf("%s.share", [type]), object.union({"storage_capacity": 1200, "subnet_ids": ["subnet-0a1b2c3d4e5f60718"]}, values), {})

failing_input := t.with_index([fs("aws_fsx_ontap_file_system", {"automatic_backup_retention_days": 0})])

test_no_backups_fails if {
	every type, label in rule.labels {
		k.summary(rule.deny) == {[
			"aws-fsx-backups", sprintf("test/%s.share", [type]),
			sprintf("%s %s.share has no automatic backups (automatic_backup_retention_days = 0; minimum 7 days)", [label, type]),
		]} with input as t.with_index([fs(type, {"automatic_backup_retention_days": 0, "deployment_type": "PERSISTENT_2"})])
	}
}

test_short_retention_fails if {
	k.summary(rule.deny) == {[
		"aws-fsx-backups", "test/aws_fsx_windows_file_system.share",
		"FSx for Windows File Server file system aws_fsx_windows_file_system.share keeps automatic backups 3 days (minimum 7)",
	]} with input as t.with_index([fs("aws_fsx_windows_file_system", {"automatic_backup_retention_days": 3})])
}

test_enough_retention_passes if {
	every type, _ in rule.labels {
		count(rule.deny) == 0 with input as t.with_index([fs(type, {"automatic_backup_retention_days": 7, "deployment_type": "PERSISTENT_1"})])
	}
}

test_backup_plan_selection_passes if {
	plan := t.resource("aws_backup_selection.all", {"name": "all", "iam_role_arn": "arn:aws:iam::111122223333:role/backup", "plan_id": "p", "resources": ["*"]}, {})
	count(rule.deny) == 0 with input as t.with_index([fs("aws_fsx_ontap_file_system", {"automatic_backup_retention_days": 0}), plan])
}

test_lustre_scratch_and_service_default if {
	k.summary(rule.deny) == {[
		"aws-fsx-backups", "test/aws_fsx_lustre_file_system.share",
		"FSx for Lustre file system aws_fsx_lustre_file_system.share is a SCRATCH_1 deployment, which cannot be backed up (no automatic or user backups): use a PERSISTENT deployment for data that must survive",
	]} with input as t.with_index([fs("aws_fsx_lustre_file_system", {"automatic_backup_retention_days": 14})])
	k.summary(rule.deny) == {[
		"aws-fsx-backups", "test/aws_fsx_lustre_file_system.share",
		"FSx for Lustre file system aws_fsx_lustre_file_system.share does not set automatic_backup_retention_days, which the service chooses at creation; its automatic backups cannot be verified before apply (minimum 7 days)",
	]} with input as t.with_index([fs("aws_fsx_lustre_file_system", {"deployment_type": "PERSISTENT_2"})])
}

test_unknown_fails if {
	k.summary(rule.deny) == {[
		"aws-fsx-backups", "test/aws_fsx_openzfs_file_system.share",
		"FSx for OpenZFS file system aws_fsx_openzfs_file_system.share has automatic_backup_retention_days unknown before apply; its automatic backups cannot be verified",
	]} with input as t.with_index([fs("aws_fsx_openzfs_file_system", {"automatic_backup_retention_days": "${var.days}"})])
	k.summary(rule.deny) == {[
		"aws-fsx-backups", "test/aws_fsx_lustre_file_system.share",
		"FSx for Lustre file system aws_fsx_lustre_file_system.share has deployment_type unknown before apply; whether it can be backed up cannot be verified",
	]} with input as t.with_index([fs("aws_fsx_lustre_file_system", {"deployment_type": "${var.kind}", "automatic_backup_retention_days": 14})])
}
