# METADATA
# title: KMS key deletion window too short
# description: |
#   A scheduled key deletion destroys every copy of the data encrypted under it, backups
#   included; the waiting period (deletion_window_in_days, AWS default 30) must be at least
#   kms_min_deletion_window_days so a mistaken or malicious deletion can be cancelled.
#   Unknowns: a window unknown at plan time is not proven and is reported.
# custom:
#   id: aws-kms-deletion-window
#   control: key-management
#   cloud: aws
#   severity: low
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Encryption of personal information (key management); business continuity
#   remediation: |
#     Set deletion_window_in_days to at least the configured minimum (30 recommended).
#   construct: HardenedKey
#   fix:
#     summary: Keep a scheduled key deletion cancellable for 30 days
#     edits:
#       - set: { deletion_window_in_days: 30 }
#     cdktf:
#       option: "deletionWindowDays (7-30, default 30)"
#       snippet: |
#         new HardenedKey(this, 'orders', { description: 'orders table', deletionWindowDays: 30 });
#   runbook:
#     exposure: The key can be scheduled for deletion and be gone after a short window, and with it every piece of data and backup it encrypts
#     preserve:
#       - do: Record the key's state and any pending deletion date
#         run: aws kms describe-key --key-id {{values.arn|values.key_id|fill.key-id}} --region {{region}}
#       - do: Export ScheduleKeyDeletion and DisableKey calls in the exposure window
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=EventName,AttributeValue=ScheduleKeyDeletion --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Cancel a pending deletion, if one is scheduled (the key comes back disabled)
#         run: aws kms cancel-key-deletion --key-id {{values.arn|values.key_id|fill.key-id}} --region {{region}}
#       - do: Re-enable the key after a cancelled deletion
#         run: aws kms enable-key --key-id {{values.arn|values.key_id|fill.key-id}} --region {{region}}
#       - do: Deny kms ScheduleKeyDeletion to everyone but the key administrators in the key policy (the window itself is fixed at creation; apply the longer window with the new key from the code)
#         run: aws kms put-key-policy --key-id {{values.arn|values.key_id|fill.key-id}} --policy-name default --policy file://{{fill.key-policy.json}} --region {{region}}
#     verify:
#       - do: KeyState reads Enabled, no DeletionDate
#         run: aws kms describe-key --key-id {{values.arn|values.key_id|fill.key-id}} --region {{region}} --query "KeyMetadata.[KeyState,DeletionDate]"
#   example: |
#     resource "aws_kms_key" "orders" {
#       description             = "orders table"
#       enable_key_rotation     = true
#       deletion_window_in_days = 30 # at least kms_min_deletion_window_days
#     }
package leakguard.rules.aws.kms.deletion_window

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

min_days := config.settings.kms_min_deletion_window_days

deny contains finding.new(rego.metadata.chain(), k, msg) if {
	some k in resources.of_type("aws_kms_key")
	msg := message(k)
}

message(k) := sprintf("KMS key %s can be deleted after %d days (minimum %d)", [k.address, days, min_days]) if {
	days := k.values.deletion_window_in_days
	is_number(days)
	days < min_days
}

message(k) := sprintf("KMS key %s has a deletion window unknown at plan time", [k.address]) if {
	resources.unknown_at(k, "deletion_window_in_days")
}
