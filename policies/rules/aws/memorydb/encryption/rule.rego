# METADATA
# title: MemoryDB cluster without TLS or a customer-managed key
# description: |
#   MemoryDB is a durable primary database: its data, transaction log and snapshots are
#   always encrypted at rest, with the AWS-managed key unless kms_key_arn names a
#   customer-managed one (required unless the cluster is classified as holding no personal
#   information). tls_enabled (default true) = false lets clients read keys in plain text and
#   forces the open-access ACL.
#   Unknowns: a flag not readable before apply is reported; a key unknown at plan time but
#   set by reference counts as set.
# custom:
#   id: aws-memorydb-encryption
#   control: storage-encryption
#   cloud: aws
#   severity: high
#   data_stores:
#     - check: encryption-at-rest
#       types: [aws_memorydb_cluster]
#     - check: encryption-in-transit
#       types: [aws_memorydb_cluster]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information (at rest and in transit)
#   remediation: |
#     Keep tls_enabled = true and set kms_key_arn = aws_kms_key.x.arn (the key can only be
#     chosen when the cluster is created).
#   construct: EncryptedMemoryDb
#   fix:
#     summary: Require TLS and encrypt under a customer-managed key (aws_kms_key named after the cluster, added unless it exists)
#     edits:
#       - set: { tls_enabled: true, kms_key_arn: 'aws_kms_key.{{name}}.arn' }
#         create: |
#           resource "aws_kms_key" "{{name}}" {
#             description         = "customer-managed key of {{ref}}"
#             enable_key_rotation = true
#           }
#     cdktf:
#       option: "EncryptedMemoryDb always requires TLS; kmsKey: a HardenedKey (created when absent)"
#       snippet: |
#         new EncryptedMemoryDb(this, 'carts', { identifier: 'carts', subnetIds: privateSubnetIds, securityGroupIds: [cacheSecurityGroup.id], aclName: cartsAcl.name });
#   example: |
#     resource "aws_memorydb_cluster" "carts" {
#       name        = "carts"
#       node_type   = "db.t4g.small"
#       acl_name    = "carts-users"
#       tls_enabled = true
#       kms_key_arn = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#     }
package leakguard.rules.aws.memorydb.encryption

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

tls_problem(c) := "TLS (tls_enabled not readable before apply)" if {
	stores.setting(c, "tls_enabled") == "unknown"
} else := "TLS (tls_enabled = false)" if {
	stores.setting(c, "tls_enabled") == "off"
}

key_problem(c) := sprintf("a customer-managed kms_key_arn (%s)", [stores.cmk_reason(c)]) if stores.lacks_cmk(c, "kms_key_arn")

deny contains finding.new(rego.metadata.chain(), c, msg) if {
	some c in resources.of_type("aws_memorydb_cluster")
	ps := array.concat([p | p := tls_problem(c)], [p | p := key_problem(c)])
	count(ps) > 0
	msg := sprintf("MemoryDB cluster %s lacks %s", [c.address, concat(", ", ps)])
}
