# METADATA
# title: ElastiCache Redis/Valkey data not encrypted at rest and in transit
# description: |
#   Session stores and caches hold customer data in memory, in backups and on the wire. A
#   replication group needs at_rest_encryption_enabled = true (backups and swap),
#   transit_encryption_enabled = true with transit_encryption_mode "required" when set
#   ("preferred" still accepts plain-text clients), and a customer-managed kms_key_id
#   unless it is classified as holding no personal information. A cache cluster outside a
#   replication group (aws_elasticache_cluster without replication_group_id) has no at-rest
#   encryption: a single Redis/Valkey node is reported (its snapshots are plain), a Memcached
#   cluster (memory only, no snapshots) needs transit_encryption_enabled = true. A serverless
#   cache (aws_elasticache_serverless_cache) is always encrypted at rest and in transit; it
#   needs a customer-managed kms_key_id on the same terms.
#   Unknowns: a flag not readable before apply is reported; a key unknown at plan time but
#   set by reference counts as set.
# custom:
#   id: aws-elasticache-encryption
#   control: storage-encryption
#   cloud: aws
#   severity: high
#   data_stores:
#     - check: encryption-at-rest
#       types: [aws_elasticache_replication_group, aws_elasticache_cluster, aws_elasticache_serverless_cache]
#     - check: encryption-in-transit
#       types: [aws_elasticache_replication_group, aws_elasticache_cluster]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information (at rest and in transit)
#   remediation: |
#     Set at_rest_encryption_enabled = true, kms_key_id = aws_kms_key.x.arn and
#     transit_encryption_enabled = true (at-rest encryption needs a new replication group);
#     run Redis/Valkey as a replication group, and Memcached with transit encryption; set
#     kms_key_id on a serverless cache.
#   construct: EncryptedRedis
#   fix:
#     summary: Encrypt at rest under a customer-managed key (aws_kms_key named after the group or serverless cache, added unless it exists) and require encryption in transit
#     edits:
#       - on: aws_elasticache_replication_group
#         set: { at_rest_encryption_enabled: true, transit_encryption_enabled: true, kms_key_id: 'aws_kms_key.{{name}}.arn' }
#         create: |
#           resource "aws_kms_key" "{{name}}" {
#             description         = "customer-managed key of {{ref}}"
#             enable_key_rotation = true
#           }
#       - on: aws_elasticache_replication_group
#         where: { name: transit_encryption_mode, values: [preferred] }
#         set: { transit_encryption_mode: '"required"' }
#       - on: aws_elasticache_cluster
#         set: { transit_encryption_enabled: true }
#       - on: aws_elasticache_serverless_cache
#         set: { kms_key_id: 'aws_kms_key.{{name}}.arn' }
#         create: |
#           resource "aws_kms_key" "{{name}}" {
#             description         = "customer-managed key of {{ref}}"
#             enable_key_rotation = true
#           }
#     cdktf:
#       option: "EncryptedRedis encrypts at rest under kmsKey (a HardenedKey, created when absent) and requires in-transit encryption"
#       snippet: |
#         new EncryptedRedis(this, 'sessions', { identifier: 'checkout-sessions', subnetIds: privateSubnetIds, securityGroupIds: [cacheSecurityGroup.id], userGroupIds: [sessionUsers.id] });
#   example: |
#     resource "aws_elasticache_replication_group" "sessions" {
#       replication_group_id       = "sessions"
#       description                = "checkout sessions"
#       engine                     = "valkey"
#       node_type                  = "cache.t4g.small"
#       at_rest_encryption_enabled = true
#       kms_key_id                 = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#       transit_encryption_enabled = true
#       user_group_ids             = ["checkout-users"]
#     }
package leakguard.rules.aws.elasticache.encryption

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

flags := [
	["at_rest_encryption_enabled", "encryption at rest"],
	["transit_encryption_enabled", "encryption in transit"],
]

transit_mode_problem(r) := "required in-transit encryption (transit_encryption_mode preferred)" if {
	stores.text(r, "transit_encryption_mode") == "preferred"
}

key_problem(r) := sprintf("a customer-managed kms_key_id (%s)", [stores.cmk_reason(r)]) if {
	stores.setting(r, "at_rest_encryption_enabled") == "on"
	stores.lacks_cmk(r, "kms_key_id")
}

problems(r) := array.concat(
	stores.flags_not_on(r, flags),
	array.concat([p | p := transit_mode_problem(r)], [p | p := key_problem(r)]),
)

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_elasticache_replication_group")
	ps := problems(r)
	count(ps) > 0
	msg := sprintf("ElastiCache replication group %s lacks %s", [r.address, concat(", ", ps)])
}

deny contains finding.new(rego.metadata.chain(), c, msg) if {
	some c in stores.standalone_cache_clusters
	msg := cluster_message(c, stores.cache_engine(c))
}

cluster_message(c, "unknown") := sprintf("ElastiCache cluster %s has an engine not readable before apply; its encryption cannot be verified", [c.address])

cluster_message(c, "memcached") := sprintf("ElastiCache cluster %s (memcached) lacks %s", [c.address, concat(", ", ps)]) if {
	ps := stores.flags_not_on(c, [["transit_encryption_enabled", "encryption in transit"]])
	count(ps) > 0
}

cluster_message(c, engine) := sprintf("ElastiCache cluster %s (%s, outside a replication group) cannot encrypt data at rest; run it as a replication group with at_rest_encryption_enabled", [c.address, engine]) if {
	not engine in {"unknown", "memcached"}
}

deny contains finding.new(rego.metadata.chain(), c, msg) if {
	some c in resources.of_type("aws_elasticache_serverless_cache")
	msg := stores.key_message(c, "ElastiCache serverless cache", "kms_key_id")
}
