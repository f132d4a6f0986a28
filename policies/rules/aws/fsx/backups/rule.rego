# METADATA
# title: FSx file system without automatic backups kept long enough
# description: |
#   Automated daily backups are what a file share of customer documents is restored from after
#   ransomware, a bad script or a deleted folder. Each FSx file system keeps them for
#   automatic_backup_retention_days, which must be at least backup_retention_days, unless an
#   AWS Backup plan selects the file system. The defaults differ by type: 7 days for Windows
#   File Server, none (0) for NetApp ONTAP and OpenZFS as the provider creates them, and for
#   Lustre a value the service chooses at creation (not shown before apply). A Lustre scratch
#   deployment (SCRATCH_1, the default, or SCRATCH_2) cannot be backed up at all.
#   Unknowns: a retention or Lustre deployment type configured but not readable before apply,
#   or a Lustre retention left for the service to choose, is reported as not verifiable.
# custom:
#   id: aws-fsx-backups
#   control: backup-protection
#   cloud: aws
#   severity: medium
#   data_stores:
#     check: backups
#     types: [aws_fsx_windows_file_system, aws_fsx_lustre_file_system, aws_fsx_ontap_file_system, aws_fsx_openzfs_file_system]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Business continuity and disaster recovery (backups)
#   remediation: |
#     Set automatic_backup_retention_days to at least the configured minimum (FSx allows up to
#     90; use AWS Backup for longer), use a PERSISTENT deployment for a Lustre file system that
#     must survive, or select the file system in an AWS Backup plan.
#   construct: EncryptedWindowsFileShare
#   fix:
#     summary: Keep automatic daily backups for the configured number of days
#     edits:
#       - set: { automatic_backup_retention_days: '{{settings.backup_retention_days}}' }
#     cdktf:
#       option: "backupRetentionDays (default max(14, minBackupRetentionDays))"
#       snippet: |
#         new EncryptedWindowsFileShare(this, 'finance-share', { directoryId: directory.id, subnetIds: [privateSubnetId], securityGroupIds: [shareSecurityGroup.id], auditLogDestinationArn: shareAuditLogs.arn, backupRetentionDays: 30, classification: 'pii' });
#   runbook:
#     exposure: Automatic backups are off or kept too briefly to restore customer files from before an incident that went unnoticed for longer
#     preserve:
#       - do: Record the backups that exist now and how long they are kept
#         run: aws fsx describe-backups --filters Name=file-system-id,Values={{fill.file-system-id}} --region {{region}}
#     contain:
#       - do: Take an on-demand backup through AWS Backup now (kept until deleted; it works for every FSx type), then raise automatic_backup_retention_days in the code
#         run: aws backup start-backup-job --backup-vault-name {{fill.backup-vault-name}} --resource-arn {{fill.file-system-arn}} --iam-role-arn {{fill.backup-role-arn}} --region {{region}}
#     verify:
#       - do: The backup job completed
#         run: aws backup list-backup-jobs --by-resource-arn {{fill.file-system-arn}} --region {{region}}
#   example: |
#     resource "aws_fsx_ontap_file_system" "exports" {
#       storage_capacity                = 1024
#       subnet_ids                      = ["subnet-0a1b2c3d4e5f60718"]
#       preferred_subnet_id             = "subnet-0a1b2c3d4e5f60718"
#       deployment_type                 = "SINGLE_AZ_1"
#       throughput_capacity             = 512
#       kms_key_id                      = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#       automatic_backup_retention_days = 14
#     }
package leakguard.rules.aws.fsx.backups

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

min_days := config.settings.backup_retention_days

labels := stores.fsx_labels

path := "automatic_backup_retention_days"

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some type, label in labels
	some r in resources.of_type(type)
	not stores.in_backup_plan(r)
	msg := message(r, label)
}

message(r, label) := sprintf("%s %s has deployment_type unknown before apply; whether it can be backed up cannot be verified", [label, r.address]) if {
	r.type == "aws_fsx_lustre_file_system"
	stores.lustre_deployment(r) == "unknown"
} else := sprintf("%s %s is a %s deployment, which cannot be backed up (no automatic or user backups): use a PERSISTENT deployment for data that must survive", [label, r.address, d]) if {
	r.type == "aws_fsx_lustre_file_system"
	d := stores.lustre_deployment(r)
	startswith(d, "SCRATCH")
} else := sprintf("%s %s has %s unknown before apply; its automatic backups cannot be verified", [label, r.address, path]) if {
	resources.unresolved(r, path)
} else := sprintf("%s %s does not set %s, which the service chooses at creation; its automatic backups cannot be verified before apply (minimum %d days)", [label, r.address, path, min_days]) if {
	object.get(r.values, path, null) == null
} else := sprintf("%s %s has no automatic backups (%s = 0; minimum %d days)", [label, r.address, path, min_days]) if {
	r.values[path] == 0
} else := sprintf("%s %s keeps automatic backups %d days (minimum %d)", [label, r.address, r.values[path], min_days]) if {
	days := r.values[path]
	is_number(days)
	days < min_days
}
