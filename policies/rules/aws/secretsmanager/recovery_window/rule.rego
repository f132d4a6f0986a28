# METADATA
# title: Secrets Manager secret deleted without a recovery window
# description: |
#   A secret is deleted with a recovery window of recovery_window_in_days (7 to 30; 30 when
#   unset) during which it can be restored. recovery_window_in_days = 0 deletes it at once on
#   terraform destroy or a replacement: the credentials a data store needs are gone with no
#   way back, and nothing is left to investigate. The same holds for every secret, whatever
#   it holds.
#   Unknowns: a window not readable before apply is reported.
# custom:
#   id: aws-secretsmanager-recovery-window
#   control: backup-protection
#   cloud: aws
#   severity: medium
#   data_stores:
#     check: backups
#     types: [aws_secretsmanager_secret]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Business continuity and disaster recovery (backups)
#   remediation: |
#     Remove recovery_window_in_days = 0 (30 days by default) or set 7 to 30.
#   construct: HardenedSecret
#   fix:
#     summary: Keep the default 30-day recovery window, so a deleted secret can be restored
#     edits:
#       - set: { recovery_window_in_days: 30 }
#     cdktf:
#       option: "recoveryWindowDays (7 to 30, default 30)"
#       snippet: |
#         new HardenedSecret(this, 'db-password', { name: 'shop/orders/db-password', recoveryWindowDays: 30 });
#   runbook:
#     exposure: Deleting the secret (a destroy or a replacement) removes it at once, with no window to restore the credentials or examine them
#     preserve:
#       - do: Record the secret's metadata and whether a deletion is already scheduled
#         run: aws secretsmanager describe-secret --secret-id {{values.arn|values.name|fill.secret-id}} --region {{region}}
#       - do: Record the secret's versions as they are now
#         run: aws secretsmanager list-secret-version-ids --secret-id {{values.arn|values.name|fill.secret-id}} --include-deprecated --region {{region}}
#     contain:
#       - do: Cancel a deletion that is already scheduled (possible only while a recovery window runs)
#         run: aws secretsmanager restore-secret --secret-id {{values.arn|values.name|fill.secret-id}} --region {{region}}
#     verify:
#       - do: No deletion is scheduled
#         run: aws secretsmanager describe-secret --secret-id {{values.arn|values.name|fill.secret-id}} --region {{region}} --query DeletedDate
#   example: |
#     resource "aws_secretsmanager_secret" "orders_db" {
#       name                    = "orders/db"
#       kms_key_id              = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#       recovery_window_in_days = 30
#     }
package leakguard.rules.aws.secretsmanager.recovery_window

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

deny contains finding.new(rego.metadata.chain(), s, msg) if {
	some s in resources.of_type("aws_secretsmanager_secret")
	msg := message(s)
}

message(s) := sprintf("Secrets Manager secret %s has recovery_window_in_days not readable before apply; whether a deleted secret can be restored cannot be verified", [s.address]) if {
	resources.unresolved(s, "recovery_window_in_days")
}

message(s) := sprintf("Secrets Manager secret %s is deleted at once (recovery_window_in_days = 0): a destroy or replacement leaves nothing to restore", [s.address]) if {
	not resources.unresolved(s, "recovery_window_in_days")
	0 in resources.values_at(s, "recovery_window_in_days")
}
