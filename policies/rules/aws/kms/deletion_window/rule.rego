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
