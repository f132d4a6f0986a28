# METADATA
# title: Kinesis data stream not encrypted under a customer-managed key
# description: |
#   Records stay in a stream for its whole retention period. encryption_type = "KMS" turns
#   server-side encryption on (the default is NONE); kms_key_id "alias/aws/kinesis" is the
#   AWS-managed key. A customer-managed key is required unless the stream is classified as
#   holding no personal information.
#   Unknowns: an encryption type not readable before apply is reported; a key unknown at plan
#   time but set by reference counts as set.
# custom:
#   id: aws-kinesis-stream-encryption
#   control: storage-encryption
#   cloud: aws
#   severity: high
#   data_stores:
#     check: encryption-at-rest
#     types: [aws_kinesis_stream]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information
#   remediation: |
#     Set encryption_type = "KMS" and kms_key_id = aws_kms_key.x.arn.
#   construct: EncryptedStream
#   fix:
#     summary: Encrypt the stream with a customer-managed key (aws_kms_key named after it, added unless it exists)
#     edits:
#       - set: { encryption_type: '"KMS"', kms_key_id: 'aws_kms_key.{{name}}.arn' }
#         create: |
#           resource "aws_kms_key" "{{name}}" {
#             description         = "customer-managed key of {{ref}}"
#             enable_key_rotation = true
#           }
#     cdktf:
#       option: "kmsKey: a HardenedKey (one is created when absent)"
#       snippet: |
#         new EncryptedStream(this, 'events', { name: 'order-events', kmsKey: streamKey });
#   example: |
#     resource "aws_kinesis_stream" "clickstream" {
#       name            = "clickstream"
#       encryption_type = "KMS"
#       kms_key_id      = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#       stream_mode_details {
#         stream_mode = "ON_DEMAND"
#       }
#     }
package leakguard.rules.aws.kinesis.stream_encryption

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_kinesis_stream")
	msg := message(r, stores.text(r, "encryption_type"))
}

message(r, "unknown") := sprintf("Kinesis stream %s has encryption_type unknown before apply; its encryption at rest cannot be verified", [r.address])

message(r, "KMS") := stores.key_message(r, "Kinesis stream", "kms_key_id")

message(r, t) := sprintf("Kinesis stream %s is not encrypted at rest (encryption_type is not KMS)", [r.address]) if not t in {"unknown", "KMS"}
