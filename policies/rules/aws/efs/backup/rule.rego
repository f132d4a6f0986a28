# METADATA
# title: EFS file system without automatic backups
# description: |
#   A Regional EFS file system created through the API (Terraform, CDKTF) has no automatic
#   backups unless an aws_efs_backup_policy turns them on (status ENABLED) or an AWS Backup
#   plan selects it; only the console and One Zone file systems (availability_zone_name)
#   turn them on by default. Without a backup, files deleted or encrypted by ransomware
#   cannot be restored. Counts as backed up: a linked backup policy with status ENABLED, a
#   One Zone file system without a policy turning backups off, or an aws_backup_selection
#   that names the file system by reference, selects every resource ("*"), or selects by a
#   STRINGEQUALS tag the file system carries. A backup policy whose file system is not in
#   the input is checked on its own.
#   Unknowns: a backup policy status not readable before apply is reported.
# custom:
#   id: aws-efs-backup
#   control: backup-protection
#   cloud: aws
#   severity: medium
#   data_stores:
#     check: backups
#     types: [aws_efs_file_system]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Business continuity and disaster recovery (backups)
#   remediation: |
#     Add aws_efs_backup_policy { file_system_id = aws_efs_file_system.x.id, backup_policy {
#     status = "ENABLED" } }, or select the file system in an AWS Backup plan.
#   construct: EncryptedFileSystem
#   fix:
#     summary: Turn on automatic daily backups (an aws_efs_backup_policy linked by reference when none exists)
#     edits:
#       - linked: { type: aws_efs_backup_policy, via: file_system_id }
#         nested: backup_policy
#         set: { status: '"ENABLED"' }
#         create: |
#           resource "aws_efs_backup_policy" "{{name}}" {
#             file_system_id = {{ref}}.id
#             backup_policy {
#               status = "ENABLED"
#             }
#           }
#     cdktf:
#       option: "EncryptedFileSystem always turns automatic backups on"
#       snippet: |
#         new EncryptedFileSystem(this, 'uploads', { creationToken: 'customer-uploads', classification: 'pii' });
#   runbook:
#     exposure: The file system has no automatic backups; files deleted or encrypted in an incident cannot be restored
#     preserve:
#       - do: Take an on-demand backup now into a backup vault
#         run: aws backup start-backup-job --backup-vault-name {{fill.backup-vault-name}} --resource-arn {{values.arn|fill.file-system-arn}} --iam-role-arn {{fill.backup-role-arn}} --region {{region}}
#       - do: Record the file system's backup policy as it is now
#         run: aws efs describe-backup-policy --file-system-id {{values.id|fill.file-system-id}} --region {{region}}
#     contain:
#       - do: Turn automatic daily backups on
#         run: aws efs put-backup-policy --file-system-id {{values.id|fill.file-system-id}} --backup-policy Status=ENABLED --region {{region}}
#     verify:
#       - do: The backup policy reads ENABLED
#         run: aws efs describe-backup-policy --file-system-id {{values.id|fill.file-system-id}} --region {{region}} --query "BackupPolicy.Status"
#   example: |
#     resource "aws_efs_file_system" "uploads" {
#       creation_token = "customer-uploads"
#       encrypted      = true
#       kms_key_id     = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#     }
#
#     resource "aws_efs_backup_policy" "uploads" {
#       file_system_id = aws_efs_file_system.uploads.id
#       backup_policy {
#         status = "ENABLED"
#       }
#     }
package leakguard.rules.aws.efs.backup

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

policy_type := "aws_efs_backup_policy"

# A backup policy's status: "on", "off" or "unknown".
policy_state(p) := "unknown" if {
	resources.unresolved(p, "backup_policy.status")
} else := "unknown" if {
	resources.unknown_at(p, "backup_policy.status")
} else := "on" if {
	"ENABLED" in resources.values_at(p, "backup_policy.status")
} else := "off"

one_zone(fs) if resources.configured(fs, "availability_zone_name")

# The file system's automatic backups: "on", "off" or "unknown".
fs_state(fs) := "on" if {
	stores.in_backup_plan(fs)
} else := s if {
	states := {policy_state(p) | some p in resources.linked_from(fs, policy_type, "file_system_id")}
	count(states) > 0
	s := combined(states)
} else := "on" if {
	one_zone(fs)
} else := "off"

combined(states) := "on" if {
	states.on
} else := "unknown" if {
	states.unknown
} else := "off"

deny contains finding.new(rego.metadata.chain(), fs, msg) if {
	some fs in resources.of_type("aws_efs_file_system")
	msg := message(fs, fs_state(fs))
}

message(fs, "off") := sprintf("EFS file system %s has no automatic backups: no aws_efs_backup_policy with status ENABLED and no AWS Backup selection includes it", [fs.address])

message(fs, "unknown") := sprintf("EFS file system %s has a backup policy status not readable before apply; its automatic backups cannot be verified", [fs.address])

# A backup policy whose file system is not in the input is checked on its own.
deny contains finding.new(rego.metadata.chain(), p, msg) if {
	some p in resources.of_type(policy_type)
	count(resources.linked_to(p, "file_system_id")) == 0
	msg := guard_message(p, policy_state(p))
}

guard_message(p, "off") := sprintf("EFS backup policy %s (for a file system not in this input) turns automatic backups off", [p.address])

guard_message(p, "unknown") := sprintf("EFS backup policy %s (for a file system not in this input) has a status not readable before apply", [p.address])
