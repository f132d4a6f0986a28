# METADATA
# title: EFS file system not encrypted at rest under a customer-managed key
# description: |
#   encrypted = true encrypts the file system's data and metadata (and its backups); without
#   kms_key_id the AWS-managed aws/elasticfilesystem key is used, which cannot be restricted
#   or revoked. Encryption cannot be added later: the data must be copied to a new file
#   system. A customer-managed key is required unless the file system is classified as
#   holding no personal information.
#   Unknowns: an encrypted flag not readable before apply is reported; a key unknown at plan
#   time but set by reference counts as set.
# custom:
#   id: aws-efs-encryption
#   control: storage-encryption
#   cloud: aws
#   severity: high
#   data_stores:
#     check: encryption-at-rest
#     types: [aws_efs_file_system]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information
#   remediation: |
#     Set encrypted = true and kms_key_id = aws_kms_key.x.arn (a new file system; copy the
#     data across with AWS DataSync).
#   construct: EncryptedFileSystem
#   fix:
#     summary: Encrypt the file system with a customer-managed key (aws_kms_key named after it, added unless it exists)
#     edits:
#       - set: { encrypted: true, kms_key_id: 'aws_kms_key.{{name}}.arn' }
#         comment: { encrypted: "leakguard: changing encryption replaces the file system; migrate its data first" }
#         create: |
#           resource "aws_kms_key" "{{name}}" {
#             description         = "customer-managed key of {{ref}}"
#             enable_key_rotation = true
#           }
#     cdktf:
#       option: "kmsKey: a HardenedKey (one is created when absent)"
#       snippet: |
#         new EncryptedFileSystem(this, 'shared', { creationToken: 'shop-shared', kmsKey: fileSystemKey });
#   example: |
#     resource "aws_efs_file_system" "uploads" {
#       creation_token = "customer-uploads"
#       encrypted      = true
#       kms_key_id     = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#     }
package leakguard.rules.aws.efs.encryption

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_efs_file_system")
	msg := stores.at_rest_message(r, "EFS file system", "encrypted", "kms_key_id")
}
