# METADATA
# title: Amazon MQ broker storage not under a customer-managed key
# description: |
#   Amazon MQ always encrypts a broker's storage (its queued messages), by default with a key
#   AWS owns and the account cannot see, audit or revoke (encryption_options.use_aws_owned_key
#   defaults to true); with use_aws_owned_key = false and no kms_key_id, with the AWS-managed
#   aws/mq key. A customer-managed kms_key_id is required unless the broker is classified as
#   holding no personal information. The key cannot change after creation.
#   Unknowns: use_aws_owned_key or a kms_key_id configured but not readable before apply is
#   reported; a key set by reference to a key resource counts as customer-managed, even when
#   unknown at plan time; a kms_key_id the provider only computes is the AWS-managed key.
# custom:
#   id: aws-mq-encryption
#   control: storage-encryption
#   cloud: aws
#   severity: high
#   data_stores:
#     check: encryption-at-rest
#     types: [aws_mq_broker]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information (at rest and in transit)
#   remediation: |
#     Set encryption_options { use_aws_owned_key = false, kms_key_id = aws_kms_key.x.arn }
#     (the broker is replaced), or classify a broker that carries no personal information.
#   construct: PrivateMessageBroker
#   fix:
#     summary: Encrypt the broker under a customer-managed key (aws_kms_key named after the broker, added unless it exists; Amazon MQ replaces the broker)
#     edits:
#       - nested: encryption_options
#         set: { use_aws_owned_key: false, kms_key_id: 'aws_kms_key.{{name}}.arn' }
#         create: |
#           resource "aws_kms_key" "{{name}}" {
#             description         = "customer-managed key of {{ref}}"
#             enable_key_rotation = true
#           }
#     cdktf:
#       option: "PrivateMessageBroker always encrypts under kmsKey (a HardenedKey, created when absent)"
#       snippet: |
#         new PrivateMessageBroker(this, 'orders', { brokerName: 'orders', subnetIds: privateSubnetIds, securityGroupIds: [brokerSecurityGroup.id], adminPassword: adminPassword.stringValue });
#   example: |
#     resource "aws_mq_broker" "orders" {
#       broker_name        = "orders"
#       engine_type        = "RabbitMQ"
#       engine_version     = "3.13"
#       host_instance_type = "mq.m5.large"
#       subnet_ids         = ["subnet-0a1b2c3d4e5f60718"]
#       security_groups    = ["sg-0a1b2c3d4e5f60718"]
#       encryption_options {
#         use_aws_owned_key = false
#         kms_key_id        = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#       }
#       user {
#         username = "admin"
#         password = var.mq_admin_password
#       }
#     }
package leakguard.rules.aws.mq.encryption

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

owned_path := "encryption_options.use_aws_owned_key"

key_path := "encryption_options.kms_key_id"

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_mq_broker")
	stores.needs_cmk(r)
	msg := message(r, stores.setting(r, owned_path))
}

message(r, "unknown") := sprintf("Amazon MQ broker %s has %s unknown before apply; the key its storage is encrypted with cannot be verified", [r.address, owned_path])

message(r, state) := sprintf("Amazon MQ broker %s is encrypted with a key AWS owns (use_aws_owned_key is not false), but %s: set encryption_options { use_aws_owned_key = false, kms_key_id = <customer-managed key> }", [r.address, stores.cmk_reason(r)]) if {
	state in {"on", "unset"}
}

message(r, "off") := sprintf("Amazon MQ broker %s has %s unknown before apply; the key its storage is encrypted with cannot be verified", [r.address, key_path]) if {
	resources.unresolved(r, key_path)
	not resources.references_under(r, key_path)
}

message(r, "off") := sprintf("Amazon MQ broker %s is encrypted with the AWS-managed aws/mq key, but %s: set %s to a customer-managed key", [r.address, stores.cmk_reason(r), key_path]) if {
	not resources.unresolved(r, key_path)
	not stores.customer_key(r, key_path)
}
