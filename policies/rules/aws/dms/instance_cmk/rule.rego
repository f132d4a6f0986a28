# METADATA
# title: DMS replication instance storage not under a customer-managed key
# description: |
#   A replication instance keeps what it copies on its own storage while it replicates
#   (cached changes, LOB and task data from whole customer databases). Without kms_key_arn DMS
#   encrypts that storage and the endpoints' connection settings with the AWS-managed aws/dms
#   key, whose policy cannot be narrowed or revoked. A customer-managed key is required unless
#   the instance is classified as holding no personal information.
#   Unknowns: a key set by reference or expression counts as a customer-managed key; an unset
#   kms_key_arn (computed in a plan) is the AWS-managed key.
# custom:
#   id: aws-dms-instance-cmk
#   control: storage-encryption
#   cloud: aws
#   severity: high
#   data_stores:
#     check: encryption-at-rest
#     types: [aws_dms_replication_instance]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information (key management)
#   remediation: |
#     Set kms_key_arn = aws_kms_key.x.arn on the replication instance (the instance is
#     replaced: the key can only be chosen at creation).
#   construct: PrivateReplicationInstance
#   fix:
#     summary: Encrypt the replication instance with a customer-managed key (aws_kms_key named after it, added unless it exists; the instance is replaced)
#     edits:
#       - set: { kms_key_arn: 'aws_kms_key.{{name}}.arn' }
#         create: |
#           resource "aws_kms_key" "{{name}}" {
#             description         = "customer-managed key of {{ref}}"
#             enable_key_rotation = true
#           }
#   example: |
#     resource "aws_dms_replication_instance" "orders" {
#       replication_instance_id     = "orders-migration"
#       replication_instance_class  = "dms.t3.large"
#       replication_subnet_group_id = "orders-private"
#       kms_key_arn                 = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#       publicly_accessible         = false
#     }
package leakguard.rules.aws.dms.instance_cmk

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_dms_replication_instance")
	msg := stores.key_message(r, "DMS replication instance", "kms_key_arn")
}
