# METADATA
# title: EBS volume not encrypted under a customer-managed key
# description: |
#   An unencrypted volume, and every snapshot taken of it, can be read by anyone who gets a
#   copy. A volume is encrypted with encrypted = true or by the region's
#   aws_ebs_encryption_by_default; the key is its kms_key_id or the region's
#   aws_ebs_default_kms_key, else the AWS-managed aws/ebs key. A customer-managed key is
#   required unless the volume is classified as holding no personal information. EBS
#   encryption also encrypts the data moving between the volume and its instance, so it is
#   the volume's encryption in transit as well.
#   Unknowns: an encrypted flag not readable before apply is reported; a key unknown at plan
#   time but set by reference counts as set.
# custom:
#   id: aws-ebs-volume-encryption
#   control: storage-encryption
#   cloud: aws
#   severity: high
#   data_stores:
#     - check: encryption-at-rest
#       types: [aws_ebs_volume]
#     - check: encryption-in-transit
#       types: [aws_ebs_volume]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information
#   remediation: |
#     Set encrypted = true and kms_key_id = aws_kms_key.x.arn, or turn on
#     aws_ebs_encryption_by_default with an aws_ebs_default_kms_key in every region. An
#     existing volume is encrypted by restoring an encrypted copy of its snapshot.
#   construct: EncryptedVolume
#   fix:
#     summary: Encrypt the volume with a customer-managed key (aws_kms_key named after the volume, added unless it exists)
#     edits:
#       - set: { encrypted: true, kms_key_id: 'aws_kms_key.{{name}}.arn' }
#         comment: { encrypted: "leakguard: changing encryption replaces the volume; migrate its data first" }
#         create: |
#           resource "aws_kms_key" "{{name}}" {
#             description         = "customer-managed key of {{ref}}"
#             enable_key_rotation = true
#           }
#     cdktf:
#       option: "kmsKey: a HardenedKey (one is created when absent)"
#       snippet: |
#         new EncryptedVolume(this, 'data', { availabilityZone: 'us-west-2a', sizeGb: 100, kmsKey: volumeKey });
#   example: |
#     resource "aws_ebs_volume" "orders_data" {
#       availability_zone = "us-west-2a"
#       size              = 100
#       encrypted         = true
#       kms_key_id        = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#     }
package leakguard.rules.aws.ebs.volume_encryption

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

deny contains finding.new(rego.metadata.chain(), v, msg) if {
	some v in resources.of_type("aws_ebs_volume")
	msg := message(v, stores.ebs_encryption(v))
}

message(v, "off") := sprintf("EBS volume %s is not encrypted (encrypted is not true and %s has no aws_ebs_encryption_by_default)", [v.address, resources.region_text(v)])

message(v, "unknown") := sprintf("EBS volume %s has encrypted unknown before apply; its encryption cannot be verified", [v.address])

message(v, "on") := sprintf("EBS volume %s is encrypted with the AWS-managed key, but %s: set kms_key_id (or the region's aws_ebs_default_kms_key) to a customer-managed key", [v.address, stores.cmk_reason(v)]) if {
	stores.needs_cmk(v)
	not stores.ebs_cmk(v)
}
