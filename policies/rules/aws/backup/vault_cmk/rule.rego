# METADATA
# title: Backup vault not encrypted with a customer-managed key
# description: |
#   AWS Backup recovery points hold full copies of customer data; the vault's kms_key_arn
#   must be a customer-managed key (without it the AWS-managed aws/backup key is used and
#   access cannot be revoked by key policy).
#   Unknowns: a key unknown at plan time but set by reference counts as set; one the
#   provider computes (not configured) is the AWS-managed key and does not.
# custom:
#   id: aws-backup-vault-cmk
#   control: backup-protection
#   cloud: aws
#   severity: high
#   data_stores:
#     check: encryption-at-rest
#     types: [aws_backup_vault]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Business continuity and disaster recovery (backups); encryption of personal information
#   remediation: |
#     Set kms_key_arn = aws_kms_key.backup.arn on the aws_backup_vault.
#   construct: LockedBackupVault
#   fix:
#     summary: Encrypt recovery points with a customer-managed key (aws_kms_key named after the vault, added unless it exists)
#     edits:
#       - set: { kms_key_arn: 'aws_kms_key.{{name}}.arn' }
#         comment: { kms_key_arn: "leakguard: changing encryption replaces the vault; migrate its data first" }
#         create: |
#           resource "aws_kms_key" "{{name}}" {
#             description         = "customer-managed key of {{ref}}"
#             enable_key_rotation = true
#           }
#     cdktf:
#       option: "kmsKey: a HardenedKey (one is created when absent)"
#       snippet: |
#         new LockedBackupVault(this, 'backups', { name: 'shop-backups', kmsKey: backupKey, minRetentionDays: 35 });
#   runbook:
#     exposure: Recovery points are encrypted with the AWS-managed aws/backup key, whose key policy cannot be narrowed, so anyone in the account allowed to restore can read them
#     preserve:
#       - do: Record the vault's encryption key and its recovery points
#         run: aws backup describe-backup-vault --backup-vault-name {{values.name}} --region {{region}}
#       - do: List the recovery points in the vault (what a restore could read)
#         run: aws backup list-recovery-points-by-backup-vault --backup-vault-name {{values.name}} --region {{region}}
#       - do: Export the restore jobs started in the exposure window
#         run: aws backup list-restore-jobs --by-created-after {{window_start}} --by-created-before {{window_end}} --region {{region}}
#     contain:
#       - do: Allow restores and copies from the vault only to the recovery role (vault access policy denying backup StartRestoreJob and StartCopyJob to everyone else)
#         run: aws backup put-backup-vault-access-policy --backup-vault-name {{values.name}} --policy file://{{fill.vault-access-policy.json}} --region {{region}}
#       - do: Create a vault encrypted with a customer-managed key and copy the recovery points into it (a vault's key cannot be changed)
#         run: aws backup create-backup-vault --backup-vault-name {{values.name}}-cmk --encryption-key-arn {{fill.kms-key-arn}} --region {{region}}
#     verify:
#       - do: The new vault's EncryptionKeyArn is the customer-managed key
#         run: aws backup describe-backup-vault --backup-vault-name {{values.name}}-cmk --region {{region}} --query EncryptionKeyArn
#   example: |
#     resource "aws_kms_key" "backup" {
#       description             = "AWS Backup vault"
#       enable_key_rotation     = true
#       deletion_window_in_days = 30
#     }
#
#     resource "aws_backup_vault" "main" {
#       name        = "shop-backups"
#       kms_key_arn = aws_kms_key.backup.arn
#     }
package leakguard.rules.aws.backup.vault_cmk

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

deny contains finding.new(rego.metadata.chain(), v, msg) if {
	some v in resources.of_type("aws_backup_vault")
	not resources.configured(v, "kms_key_arn")
	msg := sprintf("Backup vault %s is not encrypted with a customer-managed KMS key", [v.address])
}
