# METADATA
# title: SNS topic not encrypted under a customer-managed key
# description: |
#   SNS stores messages until delivered, order and customer notifications included. A topic
#   is encrypted only with kms_master_key_id ("alias/aws/sns" is the AWS-managed key). A
#   customer-managed key is required unless the topic is classified as holding no personal
#   information.
#   Unknowns: a key set by reference or expression counts as a customer-managed key.
# custom:
#   id: aws-sns-encryption
#   control: storage-encryption
#   cloud: aws
#   severity: medium
#   data_stores:
#     check: encryption-at-rest
#     types: [aws_sns_topic]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information
#   remediation: |
#     Set kms_master_key_id = aws_kms_key.x.arn (and allow the publishing services
#     kms:GenerateDataKey and kms:Decrypt in the key policy).
#   construct: HardenedTopic
#   fix:
#     summary: Encrypt the topic with a customer-managed key (aws_kms_key named after it, added unless it exists)
#     edits:
#       - set: { kms_master_key_id: 'aws_kms_key.{{name}}.arn' }
#         create: |
#           resource "aws_kms_key" "{{name}}" {
#             description         = "customer-managed key of {{ref}}"
#             enable_key_rotation = true
#           }
#     cdktf:
#       option: "kmsKey: a HardenedKey (one is created when absent)"
#       snippet: |
#         new HardenedTopic(this, 'orders', { name: 'order-events', kmsKey: topicKey });
#   example: |
#     resource "aws_sns_topic" "order_events" {
#       name              = "order-events"
#       kms_master_key_id = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#     }
package leakguard.rules.aws.sns.encryption

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_sns_topic")
	not resources.configured(r, "kms_master_key_id")
	msg := sprintf("SNS topic %s is not encrypted at rest (no kms_master_key_id)", [r.address])
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_sns_topic")
	resources.configured(r, "kms_master_key_id")
	msg := stores.key_message(r, "SNS topic", "kms_master_key_id")
}
