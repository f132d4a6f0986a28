# METADATA
# title: Amazon Keyspaces table not under a customer-managed key
# description: |
#   Amazon Keyspaces (for Apache Cassandra) encrypts every table, by default with a key AWS
#   owns and the account cannot see, audit or revoke (encryption_specification.type
#   AWS_OWNED_KMS_KEY). A table needs type CUSTOMER_MANAGED_KMS_KEY with a kms_key_identifier
#   unless it is classified as holding no personal information.
#   Unknowns: an encryption type or key configured but not readable before apply is reported;
#   a key set by reference to a key resource counts as customer-managed, even when unknown at
#   plan time; a specification the provider only computes (not configured: a plan shows it
#   unknown) is the AWS-owned default.
# custom:
#   id: aws-keyspaces-cmk
#   control: storage-encryption
#   cloud: aws
#   severity: high
#   data_stores:
#     check: encryption-at-rest
#     types: [aws_keyspaces_table]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information (at rest and in transit)
#   remediation: |
#     Set encryption_specification { type = "CUSTOMER_MANAGED_KMS_KEY", kms_key_identifier =
#     aws_kms_key.x.arn } (Keyspaces changes the key in place), or classify a table that holds
#     no personal information.
#   construct: EncryptedKeyspacesTable
#   fix:
#     summary: Encrypt the table under a customer-managed key (aws_kms_key named after the table, added unless it exists)
#     edits:
#       - nested: encryption_specification
#         set: { type: '"CUSTOMER_MANAGED_KMS_KEY"', kms_key_identifier: 'aws_kms_key.{{name}}.arn' }
#         create: |
#           resource "aws_kms_key" "{{name}}" {
#             description         = "customer-managed key of {{ref}}"
#             enable_key_rotation = true
#           }
#     cdktf:
#       option: "EncryptedKeyspacesTable always encrypts under kmsKey (a HardenedKey, created when absent)"
#       snippet: |
#         new EncryptedKeyspacesTable(this, 'orders', { keyspaceName: 'shop', tableName: 'orders', columns: [{ name: 'order_id', type: 'text' }], partitionKeys: ['order_id'] });
#   example: |
#     resource "aws_keyspaces_table" "orders" {
#       keyspace_name = "shop"
#       table_name    = "orders"
#       schema_definition {
#         column {
#           name = "order_id"
#           type = "text"
#         }
#         partition_key {
#           name = "order_id"
#         }
#       }
#       encryption_specification {
#         type               = "CUSTOMER_MANAGED_KMS_KEY"
#         kms_key_identifier = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#       }
#     }
package leakguard.rules.aws.keyspaces.cmk

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

type_path := "encryption_specification.type"

key_path := "encryption_specification.kms_key_identifier"

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_keyspaces_table")
	stores.needs_cmk(r)
	msg := message(r, stores.text(r, type_path))
}

message(r, "unknown") := sprintf("Keyspaces table %s has %s unknown before apply; the key it is encrypted with cannot be verified", [r.address, type_path])

message(r, t) := sprintf("Keyspaces table %s is encrypted with a key AWS owns (%s %s), but %s: set encryption_specification { type = \"CUSTOMER_MANAGED_KMS_KEY\", kms_key_identifier = <customer-managed key> }", [r.address, type_path, shown(t), stores.cmk_reason(r)]) if {
	not t in {"unknown", "CUSTOMER_MANAGED_KMS_KEY"}
}

message(r, "CUSTOMER_MANAGED_KMS_KEY") := sprintf("Keyspaces table %s has %s unknown before apply; the key it is encrypted with cannot be verified", [r.address, key_path]) if {
	resources.unresolved(r, key_path)
	not resources.references_under(r, key_path)
}

message(r, "CUSTOMER_MANAGED_KMS_KEY") := sprintf("Keyspaces table %s names no customer-managed %s, but %s", [r.address, key_path, stores.cmk_reason(r)]) if {
	not resources.unresolved(r, key_path)
	not stores.customer_key(r, key_path)
}

shown("") := "not set: AWS_OWNED_KMS_KEY"

shown(t) := t if t != ""
