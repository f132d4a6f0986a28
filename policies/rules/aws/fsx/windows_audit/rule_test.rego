package leakguard.rules.aws.fsx.windows_audit_test

import data.leakguard.rules.aws.fsx.windows_audit as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

fs(values) := t.resource("aws_fsx_windows_file_system.finance", object.union({"storage_capacity": 300, "throughput_capacity": 32}, values), {})

audit(file, share) := {"audit_log_configuration": [{"file_access_audit_log_level": file, "file_share_access_audit_log_level": share, "audit_log_destination": "arn:aws:logs:us-west-2:111122223333:log-group:/aws/fsx/finance"}]}

failing_input := t.with_index([fs({})])

prefix := "FSx for Windows File Server file system aws_fsx_windows_file_system.finance keeps no record of who read customer files: "

test_default_fails if {
	k.summary(rule.deny) == {["aws-fsx-windows-audit", "test/aws_fsx_windows_file_system.finance", concat("", [prefix, "file and folder access is not audited (audit_log_configuration.file_access_audit_log_level not set: DISABLED); share access is not audited (audit_log_configuration.file_share_access_audit_log_level not set: DISABLED)"])]} with input as failing_input
}

test_failure_only_or_disabled_fails if {
	k.summary(rule.deny) == {["aws-fsx-windows-audit", "test/aws_fsx_windows_file_system.finance", concat("", [prefix, "file and folder access is not audited (audit_log_configuration.file_access_audit_log_level FAILURE_ONLY)"])]} with input as t.with_index([fs(audit("FAILURE_ONLY", "SUCCESS_ONLY"))])
	k.summary(rule.deny) == {["aws-fsx-windows-audit", "test/aws_fsx_windows_file_system.finance", concat("", [prefix, "share access is not audited (audit_log_configuration.file_share_access_audit_log_level DISABLED)"])]} with input as t.with_index([fs(audit("SUCCESS_AND_FAILURE", "DISABLED"))])
}

test_success_audited_passes if {
	count(rule.deny) == 0 with input as t.with_index([fs(audit("SUCCESS_AND_FAILURE", "SUCCESS_ONLY"))])
}

test_unknown_fails if {
	k.summary(rule.deny) == {["aws-fsx-windows-audit", "test/aws_fsx_windows_file_system.finance", concat("", [prefix, "audit_log_configuration.file_access_audit_log_level unknown before apply"])]} with input as t.with_index([fs(audit("${var.level}", "SUCCESS_ONLY"))])
}
