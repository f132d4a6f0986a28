package leakguard.rules.aws.efs.backup_test

import data.leakguard.rules.aws.efs.backup as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

fs(values) := t.resource("aws_efs_file_system.uploads", object.union({"creation_token": "uploads", "encrypted": true}, values), {})

tagged_fs := object.union(fs({}), {"tags": {"data-classification": "pii"}})

policy(status) := t.resource("aws_efs_backup_policy.uploads", {"file_system_id": "${aws_efs_file_system.uploads.id}", "backup_policy": [{"status": status}]}, {"file_system_id": ["aws_efs_file_system.uploads"]})

selection(values, refs) := t.resource("aws_backup_selection.data", object.union({"name": "data", "plan_id": "plan"}, values), refs)

test_file_system_without_backups_fails if {
	k.summary(rule.deny) == {["aws-efs-backup", "test/aws_efs_file_system.uploads", "EFS file system aws_efs_file_system.uploads has no automatic backups: no aws_efs_backup_policy with status ENABLED and no AWS Backup selection includes it"]} with input as t.with_index([fs({})])
	count(rule.deny) == 1 with input as t.with_index([fs({}), policy("DISABLED")])

	# A One Zone file system whose policy turns backups off.
	count(rule.deny) == 1 with input as t.with_index([fs({"availability_zone_name": "us-west-2a"}), policy("DISABLED")])

	# A selection by another tag.
	count(rule.deny) == 1 with input as t.with_index([tagged_fs, selection({"selection_tag": [{"type": "STRINGEQUALS", "key": "data-classification", "value": "public"}]}, {})])
}

test_backed_up_file_systems_pass if {
	count(rule.deny) == 0 with input as t.with_index([fs({}), policy("ENABLED")])

	# One Zone file systems are backed up by default.
	count(rule.deny) == 0 with input as t.with_index([fs({"availability_zone_name": "us-west-2a"})])

	# AWS Backup selections: by reference, by tag, or everything.
	count(rule.deny) == 0 with input as t.with_index([fs({}), selection({"resources": ["${aws_efs_file_system.uploads.arn}"]}, {"resources": ["aws_efs_file_system.uploads"]})])
	count(rule.deny) == 0 with input as t.with_index([tagged_fs, selection({"selection_tag": [{"type": "STRINGEQUALS", "key": "data-classification", "value": "pii"}]}, {})])
	count(rule.deny) == 0 with input as t.with_index([fs({}), selection({"resources": ["*"]}, {})])
}

test_unknown_and_stand_alone_policies if {
	k.summary(rule.deny) == {["aws-efs-backup", "test/aws_efs_file_system.uploads", "EFS file system aws_efs_file_system.uploads has a backup policy status not readable before apply; its automatic backups cannot be verified"]} with input as t.with_index([fs({}), policy("${var.status}")])
	k.summary(rule.deny) == {["aws-efs-backup", "test/aws_efs_backup_policy.uploads", "EFS backup policy aws_efs_backup_policy.uploads (for a file system not in this input) turns automatic backups off"]} with input as t.with_index([t.resource("aws_efs_backup_policy.uploads", {"file_system_id": "fs-0123456789abcdef0", "backup_policy": [{"status": "DISABLED"}]}, {})])
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_efs_backup_policy.uploads", {"file_system_id": "fs-0123456789abcdef0", "backup_policy": [{"status": "ENABLED"}]}, {})])
	count(rule.deny) == 1 with input as t.with_index([t.resource("aws_efs_backup_policy.uploads", {"file_system_id": "fs-0123456789abcdef0", "backup_policy": [{"status": "${var.status}"}]}, {})])
}
