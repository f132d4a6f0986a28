# METADATA
# title: Firehose delivery stream not encrypted under a customer-managed key
# description: |
#   A Direct PUT delivery stream buffers records before delivery; server_side_encryption
#   { enabled = true } encrypts them, with key_type CUSTOMER_MANAGED_CMK and key_arn for a
#   key the organization controls (AWS_OWNED_CMK otherwise). A customer-managed key is
#   required unless the stream is classified as holding no personal information. Streams
#   reading from a Kinesis stream (kinesis_source_configuration) use the source stream's
#   encryption, which aws-kinesis-stream-encryption checks.
#   Unknowns: an enabled flag or key type not readable before apply is reported.
# custom:
#   id: aws-firehose-encryption
#   control: storage-encryption
#   cloud: aws
#   severity: medium
#   data_stores:
#     check: encryption-at-rest
#     types: [aws_kinesis_firehose_delivery_stream]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information
#   remediation: |
#     Add server_side_encryption { enabled = true, key_type = "CUSTOMER_MANAGED_CMK",
#     key_arn = aws_kms_key.x.arn }.
#   construct: EncryptedDeliveryStream
#   fix:
#     summary: Encrypt buffered records under a customer-managed key (aws_kms_key named after the stream, added unless it exists)
#     edits:
#       - nested: server_side_encryption
#         set: { enabled: true, key_type: '"CUSTOMER_MANAGED_CMK"', key_arn: 'aws_kms_key.{{name}}.arn' }
#         create: |
#           resource "aws_kms_key" "{{name}}" {
#             description         = "customer-managed key of {{ref}}"
#             enable_key_rotation = true
#           }
#     cdktf:
#       option: "kmsKey: a HardenedKey (one is created when absent)"
#       snippet: |
#         new EncryptedDeliveryStream(this, 'orders', { name: 'orders-to-lake', roleArn: firehoseRole.arn, bucketArn: lakeBucket.arn, kmsKey: streamKey });
#   example: |
#     resource "aws_kinesis_firehose_delivery_stream" "orders" {
#       name        = "orders-to-lake"
#       destination = "extended_s3"
#       server_side_encryption {
#         enabled  = true
#         key_type = "CUSTOMER_MANAGED_CMK"
#         key_arn  = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#       }
#       extended_s3_configuration {
#         role_arn   = "arn:aws:iam::111122223333:role/firehose-orders"
#         bucket_arn = "arn:aws:s3:::orders-lake"
#         kms_key_arn = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#       }
#     }
package leakguard.rules.aws.kinesis.firehose_encryption

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

direct_put(r) if count(resources.blocks_at(r, "kinesis_source_configuration")) == 0

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_kinesis_firehose_delivery_stream")
	direct_put(r)
	msg := message(r, stores.setting(r, "server_side_encryption.enabled"), stores.text(r, "server_side_encryption.key_type"))
}

message(r, "unknown", _) := sprintf("Firehose delivery stream %s has server_side_encryption.enabled unknown before apply; its encryption cannot be verified", [r.address])

message(r, state, _) := sprintf("Firehose delivery stream %s does not encrypt buffered records (server_side_encryption.enabled is not true)", [r.address]) if state in {"off", "unset"}

message(r, "on", "unknown") := sprintf("Firehose delivery stream %s has server_side_encryption.key_type unknown before apply", [r.address])

message(r, "on", key_type) := sprintf("Firehose delivery stream %s encrypts with an AWS-owned key, but %s: set key_type = CUSTOMER_MANAGED_CMK and key_arn", [r.address, stores.cmk_reason(r)]) if {
	key_type != "unknown"
	stores.needs_cmk(r)
	not customer_managed(r, key_type)
}

customer_managed(r, "CUSTOMER_MANAGED_CMK") if stores.customer_key(r, "server_side_encryption.key_arn")
