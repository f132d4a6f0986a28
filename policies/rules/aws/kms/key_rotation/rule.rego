# METADATA
# title: KMS key rotation disabled
# description: |
#   Customer-managed symmetric keys must rotate (enable_key_rotation = true, default
#   false) so a leaked key version stops protecting new data. Asymmetric and HMAC keys
#   (customer_master_key_spec other than SYMMETRIC_DEFAULT) cannot rotate and are skipped.
#   This rule also serves the storage-encryption control's rotation check.
#   Unknowns: a flag unknown at plan time is not proven and is reported.
# custom:
#   id: aws-kms-key-rotation
#   control: key-management
#   cloud: aws
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Encryption of personal information (key management)
#   remediation: |
#     Set enable_key_rotation = true (optionally rotation_period_in_days) on the aws_kms_key.
#   construct: HardenedKey
#   fix:
#     summary: Turn on automatic yearly rotation of the key
#     edits:
#       - set:
#           enable_key_rotation: true
#     cdktf:
#       option: "enableKeyRotation: true (HardenedKey always rotates)"
#       snippet: |
#         new HardenedKey(this, 'orders', { description: 'orders table', rotationPeriodDays: 365 });
#   runbook:
#     exposure: The same key material protects the data indefinitely; a leaked or cryptanalysed key keeps decrypting everything ever written with it
#     preserve:
#       - do: Record the key and its rotation status
#         run: aws kms get-key-rotation-status --key-id {{values.arn|values.key_id|fill.key-id}} --region {{region}}
#       - do: Export the key's use and policy changes in the exposure window
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=ResourceName,AttributeValue={{values.arn|values.key_id|fill.key-id}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Turn on automatic rotation
#         run: aws kms enable-key-rotation --key-id {{values.arn|values.key_id|fill.key-id}} --region {{region}}
#       - do: If the key material may have leaked, rotate it now as well
#         run: aws kms rotate-key-on-demand --key-id {{values.arn|values.key_id|fill.key-id}} --region {{region}}
#     verify:
#       - do: KeyRotationEnabled reads true
#         run: aws kms get-key-rotation-status --key-id {{values.arn|values.key_id|fill.key-id}} --region {{region}}
#   example: |
#     resource "aws_kms_key" "orders" {
#       description             = "orders table"
#       enable_key_rotation     = true
#       rotation_period_in_days = 365
#       deletion_window_in_days = 30
#     }
package leakguard.rules.aws.kms.key_rotation

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

symmetric(k) if object.get(k.values, "customer_master_key_spec", "SYMMETRIC_DEFAULT") in {"SYMMETRIC_DEFAULT", null}

deny contains finding.new(rego.metadata.chain(), k, msg) if {
	some k in resources.of_type("aws_kms_key")
	symmetric(k)
	msg := message(k)
}

message(k) := sprintf("KMS key %s does not rotate (enable_key_rotation is not true)", [k.address]) if {
	not resources.unknown_at(k, "enable_key_rotation")
	object.get(k.values, "enable_key_rotation", false) != true
}

message(k) := sprintf("KMS key %s has enable_key_rotation unknown at plan time", [k.address]) if {
	resources.unknown_at(k, "enable_key_rotation")
}
