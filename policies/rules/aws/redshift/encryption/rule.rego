# METADATA
# title: Redshift data not encrypted at rest under a customer-managed key
# description: |
#   An aws_redshift_cluster is encrypted only with encrypted = true (hashicorp/aws 5.x
#   defaults to false); its kms_key_id, or a Serverless namespace's, names the key, else the
#   AWS-managed aws/redshift key is used. Snapshots inherit the cluster's encryption. A
#   customer-managed key is required unless the warehouse is classified as holding no
#   personal information.
#   Unknowns: an encrypted flag not readable before apply is reported; a key unknown at plan
#   time but set by reference counts as set.
# custom:
#   id: aws-redshift-encryption
#   control: storage-encryption
#   cloud: aws
#   severity: high
#   data_stores:
#     check: encryption-at-rest
#     types: [aws_redshift_cluster, aws_redshiftserverless_namespace]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information; business continuity and disaster recovery (backups)
#   remediation: |
#     Set encrypted = true and kms_key_id = aws_kms_key.x.arn on the cluster, or kms_key_id on
#     the Serverless namespace.
#   construct: PrivateWarehouse
#   fix:
#     summary: Encrypt the warehouse with a customer-managed key (aws_kms_key named after the cluster, added unless it exists)
#     edits:
#       - set: { encrypted: true, kms_key_id: 'aws_kms_key.{{name}}.arn' }
#         create: |
#           resource "aws_kms_key" "{{name}}" {
#             description         = "customer-managed key of {{ref}}"
#             enable_key_rotation = true
#           }
#     cdktf:
#       option: "kmsKey: a HardenedKey (one is created when absent)"
#       snippet: |
#         new PrivateWarehouse(this, 'analytics', { identifier: 'analytics', masterUsername: 'analytics_admin', subnetIds: privateSubnetIds, securityGroupIds: [warehouseSecurityGroup.id], kmsKey: warehouseKey });
#   example: |
#     resource "aws_redshift_cluster" "analytics" {
#       cluster_identifier     = "analytics"
#       node_type              = "ra3.xlplus"
#       master_username        = "analytics_admin"
#       manage_master_password = true
#       encrypted              = true
#       kms_key_id             = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#     }
package leakguard.rules.aws.redshift.encryption

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_redshift_cluster")
	msg := stores.at_rest_message(r, "Redshift cluster", "encrypted", "kms_key_id")
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_redshiftserverless_namespace")
	msg := stores.key_message(r, "Redshift Serverless namespace", "kms_key_id")
}
