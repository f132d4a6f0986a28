# METADATA
# title: SQS queue not encrypted under a customer-managed key
# description: |
#   Messages wait in a queue for up to 14 days. A queue is encrypted with SSE-SQS (on by
#   default unless sqs_managed_sse_enabled = false) or SSE-KMS (kms_master_key_id;
#   "alias/aws/sqs" is the AWS-managed key). A customer-managed key is required unless the
#   queue is classified as holding no personal information.
#   Unknowns: a flag not readable before apply is reported; a key set by reference or
#   expression counts as a customer-managed key.
# custom:
#   id: aws-sqs-encryption
#   control: storage-encryption
#   cloud: aws
#   severity: medium
#   data_stores:
#     check: encryption-at-rest
#     types: [aws_sqs_queue]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information
#   remediation: |
#     Set kms_master_key_id = aws_kms_key.x.arn (and allow the producers' service principals
#     kms:GenerateDataKey and kms:Decrypt in the key policy).
#   construct: HardenedQueue
#   fix:
#     summary: Encrypt the queue with a customer-managed key (aws_kms_key named after it, added unless it exists)
#     edits:
#       - set: { sqs_managed_sse_enabled: false, kms_master_key_id: 'aws_kms_key.{{name}}.arn' }
#         create: |
#           resource "aws_kms_key" "{{name}}" {
#             description         = "customer-managed key of {{ref}}"
#             enable_key_rotation = true
#           }
#     cdktf:
#       option: "kmsKey: a HardenedKey (one is created when absent)"
#       snippet: |
#         new HardenedQueue(this, 'orders', { name: 'orders', kmsKey: queueKey });
#   example: |
#     resource "aws_sqs_queue" "orders" {
#       name                              = "orders"
#       kms_master_key_id                 = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#       kms_data_key_reuse_period_seconds = 300
#     }
package leakguard.rules.aws.sqs.encryption

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

kms_key(r) if resources.configured(r, "kms_master_key_id")

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_sqs_queue")
	msg := message(r, stores.setting(r, "sqs_managed_sse_enabled"))
}

message(r, "off") := sprintf("SQS queue %s is not encrypted at rest (sqs_managed_sse_enabled = false and no kms_master_key_id)", [r.address]) if not kms_key(r)

message(r, "unknown") := sprintf("SQS queue %s has sqs_managed_sse_enabled unknown before apply; its encryption at rest cannot be verified", [r.address]) if not kms_key(r)

message(r, state) := stores.key_message(r, "SQS queue", "kms_master_key_id") if {
	state in {"on", "unset"}
}

message(r, state) := stores.key_message(r, "SQS queue", "kms_master_key_id") if {
	state in {"off", "unknown"}
	kms_key(r)
}
