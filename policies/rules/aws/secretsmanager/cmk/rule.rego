# METADATA
# title: Secrets Manager secret not encrypted with a customer-managed key
# description: |
#   Secrets are the keys to the data stores. Without kms_key_id a secret uses the
#   AWS-managed aws/secretsmanager key, whose policy cannot be narrowed and which cannot be
#   shared across accounts, so access to the secret rests on IAM alone. Replicas name their
#   own key. A customer-managed key is required unless the secret is classified as holding
#   no personal information.
#   Unknowns: a key set by reference or expression counts as a customer-managed key.
# custom:
#   id: aws-secretsmanager-cmk
#   control: storage-encryption
#   cloud: aws
#   severity: medium
#   data_stores:
#     check: encryption-at-rest
#     types: [aws_secretsmanager_secret]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Encryption of personal information (key management); access controls
#   remediation: |
#     Set kms_key_id = aws_kms_key.x.arn on the secret and on each replica block.
#   construct: HardenedSecret
#   fix:
#     summary: Encrypt the secret with a customer-managed key (aws_kms_key named after it, added unless it exists)
#     edits:
#       - set: { kms_key_id: 'aws_kms_key.{{name}}.arn' }
#         create: |
#           resource "aws_kms_key" "{{name}}" {
#             description         = "customer-managed key of {{ref}}"
#             enable_key_rotation = true
#           }
#     cdktf:
#       option: "kmsKey: a HardenedKey (one is created when absent)"
#       snippet: |
#         new HardenedSecret(this, 'db-password', { name: 'shop/orders/db-password', kmsKey: secretKey });
#   example: |
#     resource "aws_secretsmanager_secret" "orders_db" {
#       name       = "orders/db"
#       kms_key_id = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#     }
package leakguard.rules.aws.secretsmanager.cmk

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_secretsmanager_secret")
	msg := stores.key_message(r, "Secrets Manager secret", "kms_key_id")
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_secretsmanager_secret")
	stores.needs_cmk(r)
	some i, replica in resources.objects(object.get(r.values, "replica", null))
	not stores.customer_key_value(object.get(replica, "kms_key_id", ""))
	not resources.references_under(r, "replica.kms_key_id")
	msg := sprintf("Secrets Manager secret %s has a replica in %s under an AWS-managed key: set its kms_key_id to a customer-managed key", [r.address, replica_region(replica, i)])
}

# A replica's region for a message, or its position where the region is not a literal.
replica_region(replica, i) := replica.region if {
	is_string(replica.region)
	not contains(replica.region, "${")
}

else := sprintf("replica %d", [i])
