# METADATA
# title: Backup vault without Vault Lock
# description: |
#   Without aws_backup_vault_lock_configuration, anyone with backup:DeleteRecoveryPoint
#   (or an attacker with the account) can delete every backup before encrypting the
#   primaries. Each aws_backup_vault needs a lock configuration linked by reference or
#   naming the vault.
#   Unknowns: a lock linked by reference counts even when the vault name is unknown.
# custom:
#   id: aws-backup-vault-lock
#   control: backup-protection
#   cloud: aws
#   severity: medium
#   data_stores:
#     check: backups
#     types: [aws_backup_vault]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Business continuity and disaster recovery (backups)
#   remediation: |
#     Add aws_backup_vault_lock_configuration { backup_vault_name = aws_backup_vault.x.name,
#     min_retention_days = …, changeable_for_days = 3 } (compliance mode once it expires).
#   construct: LockedBackupVault
#   fix:
#     summary: Add a Vault Lock (an aws_backup_vault_lock_configuration linked by reference); after changeable_for_days it can never be removed
#     edits:
#       - linked: { type: aws_backup_vault_lock_configuration, via: backup_vault_name }
#         create: |
#           resource "aws_backup_vault_lock_configuration" "{{name}}" {
#             backup_vault_name   = {{ref}}.name
#             min_retention_days  = {{settings.backup_retention_days}}
#             max_retention_days  = 365
#             changeable_for_days = 3 # compliance mode once these days pass: the lock cannot be removed
#           }
#     cdktf:
#       option: "minRetentionDays, maxRetentionDays, changeableForDays (LockedBackupVault always adds the Vault Lock)"
#       snippet: |
#         new LockedBackupVault(this, 'backups', { name: 'shop-backups', minRetentionDays: 35, maxRetentionDays: 365 });
#   runbook:
#     exposure: Without Vault Lock anyone allowed to delete recovery points (a compromised administrator, ransomware) can destroy the backups the recovery depends on
#     preserve:
#       - do: Record the vault and its lock state
#         run: aws backup describe-backup-vault --backup-vault-name {{values.name}} --region {{region}}
#       - do: List the recovery points in the vault now
#         run: aws backup list-recovery-points-by-backup-vault --backup-vault-name {{values.name}} --region {{region}}
#       - do: Export the recovery-point deletions in the exposure window
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=EventName,AttributeValue=DeleteRecoveryPoint --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Deny backup DeleteRecoveryPoint and UpdateRecoveryPointLifecycle in the vault access policy now (reversible)
#         run: aws backup put-backup-vault-access-policy --backup-vault-name {{values.name}} --policy file://{{fill.deny-delete-policy.json}} --region {{region}}
#       - do: Lock the vault; once the changeable days have passed the lock can never be removed
#         run: aws backup put-backup-vault-lock-configuration --backup-vault-name {{values.name}} --min-retention-days {{fill.min-retention-days}} --max-retention-days {{fill.max-retention-days}} --changeable-for-days 3 --region {{region}}
#         destructive: true
#     verify:
#       - do: Locked reads true with the intended retention
#         run: aws backup describe-backup-vault --backup-vault-name {{values.name}} --region {{region}} --query "[Locked,MinRetentionDays,MaxRetentionDays]"
#   example: |
#     resource "aws_backup_vault" "main" {
#       name        = "shop-backups"
#       kms_key_arn = aws_kms_key.backup.arn
#     }
#
#     resource "aws_backup_vault_lock_configuration" "main" {
#       backup_vault_name   = aws_backup_vault.main.name
#       min_retention_days  = 35
#       max_retention_days  = 365
#       changeable_for_days = 3 # becomes compliance mode (immutable) after 3 days
#     }
package leakguard.rules.aws.backup.vault_lock

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

t := "aws_backup_vault_lock_configuration"

locked_names contains name if {
	some l in resources.of_type(t)
	name := l.values.backup_vault_name
	resources.literal(name)
}

locked(v) if count(resources.linked_from(v, t, "backup_vault_name")) > 0

locked(v) if locked_names[v.values.name]

deny contains finding.new(rego.metadata.chain(), v, msg) if {
	some v in resources.of_type("aws_backup_vault")
	not locked(v)
	msg := sprintf("Backup vault %s has no Vault Lock; its recovery points can be deleted", [v.address])
}
