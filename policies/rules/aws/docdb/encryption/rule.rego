# METADATA
# title: DocumentDB cluster not encrypted at rest under a customer-managed key
# description: |
#   storage_encrypted = true encrypts the cluster's storage, backups, snapshots and
#   replicas; without kms_key_id the AWS-managed aws/rds key is used. Encryption cannot be
#   added to an existing cluster. A customer-managed key is required unless the cluster is
#   classified as holding no personal information.
#   Unknowns: a storage_encrypted flag not readable before apply is reported; a key unknown
#   at plan time but set by reference counts as set.
# custom:
#   id: aws-docdb-encryption
#   control: storage-encryption
#   cloud: aws
#   severity: high
#   data_stores:
#     check: encryption-at-rest
#     types: [aws_docdb_cluster]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information; business continuity and disaster recovery (backups)
#   remediation: |
#     Set storage_encrypted = true and kms_key_id = aws_kms_key.x.arn (restore an encrypted
#     copy of a snapshot for an existing cluster).
#   construct: EncryptedDocumentDatabase
#   fix:
#     summary: Encrypt storage with a customer-managed key (aws_kms_key named after the cluster, added unless it exists)
#     edits:
#       - set: { storage_encrypted: true, kms_key_id: 'aws_kms_key.{{name}}.arn' }
#         comment: { storage_encrypted: "leakguard: changing encryption replaces the cluster; migrate its data first" }
#         create: |
#           resource "aws_kms_key" "{{name}}" {
#             description         = "customer-managed key of {{ref}}"
#             enable_key_rotation = true
#           }
#     cdktf:
#       option: "kmsKey: a HardenedKey (one is created when absent)"
#       snippet: |
#         new EncryptedDocumentDatabase(this, 'profiles', { identifier: 'customer-profiles', masterUsername: 'profiles_admin', subnetIds: privateSubnetIds, securityGroupIds: [dbSecurityGroup.id], kmsKey: profilesKey });
#   example: |
#     resource "aws_docdb_cluster" "profiles" {
#       cluster_identifier          = "customer-profiles"
#       master_username             = "profiles_admin"
#       manage_master_user_password = true
#       storage_encrypted           = true
#       kms_key_id                  = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#     }
package leakguard.rules.aws.docdb.encryption

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_docdb_cluster")
	msg := stores.at_rest_message(r, "DocumentDB cluster", "storage_encrypted", "kms_key_id")
}
