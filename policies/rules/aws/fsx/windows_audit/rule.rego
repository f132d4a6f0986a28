# METADATA
# title: FSx for Windows File Server file system does not audit file access
# description: |
#   Who opened which customer file, and when, is what a breach investigation must establish
#   before notifying consumers. FSx for Windows File Server writes Windows access events for
#   files and folders and for shares to CloudWatch Logs or Data Firehose only when
#   audit_log_configuration turns them on: both levels default to DISABLED. Each must record
#   successful access (SUCCESS_ONLY or SUCCESS_AND_FAILURE); FAILURE_ONLY misses every read
#   that succeeded. (File-level events also need audit entries, SACLs, on the folders.)
#   Unknowns: a level configured but not readable before apply is reported; a configuration
#   the provider only computes (not configured) is the DISABLED default.
# custom:
#   id: aws-fsx-windows-audit
#   control: central-audit-correlation
#   cloud: aws
#   severity: medium
#   data_stores:
#     check: audit-logging
#     types: [aws_fsx_windows_file_system]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.82 (breach notification requires knowing what was accessed)
#   audit_component: Audit-log management; monitoring of access to personal information
#   remediation: |
#     Add audit_log_configuration { file_access_audit_log_level = "SUCCESS_AND_FAILURE",
#     file_share_access_audit_log_level = "SUCCESS_AND_FAILURE", audit_log_destination =
#     <CloudWatch log group or Firehose stream ARN> } (changed in place), and set SACLs on the
#     folders that hold customer files.
#   construct: EncryptedWindowsFileShare
#   example: |
#     resource "aws_fsx_windows_file_system" "finance" {
#       active_directory_id             = "d-1234567890"
#       storage_capacity                = 300
#       throughput_capacity             = 32
#       subnet_ids                      = ["subnet-0a1b2c3d4e5f60718"]
#       kms_key_id                      = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#       automatic_backup_retention_days = 14
#       audit_log_configuration {
#         file_access_audit_log_level       = "SUCCESS_AND_FAILURE"
#         file_share_access_audit_log_level = "SUCCESS_AND_FAILURE"
#         audit_log_destination             = "arn:aws:logs:us-west-2:111122223333:log-group:/aws/fsx/finance"
#       }
#     }
package leakguard.rules.aws.fsx.windows_audit

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

levels := [
	["audit_log_configuration.file_access_audit_log_level", "file and folder access"],
	["audit_log_configuration.file_share_access_audit_log_level", "share access"],
]

problem(r, path, what) := sprintf("%s unknown before apply", [path]) if {
	stores.text(r, path) == "unknown"
} else := sprintf("%s is not audited (%s %s)", [what, path, shown(stores.text(r, path))]) if {
	not stores.text(r, path) in {"SUCCESS_ONLY", "SUCCESS_AND_FAILURE"}
}

shown("") := "not set: DISABLED"

shown(v) := v if v != ""

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_fsx_windows_file_system")
	ps := [p | some l in levels; p := problem(r, l[0], l[1])]
	count(ps) > 0
	msg := sprintf("FSx for Windows File Server file system %s keeps no record of who read customer files: %s", [r.address, concat("; ", ps)])
}
