# METADATA
# title: ElastiCache Redis/Valkey open to any client on the network
# description: |
#   Without an AUTH token or RBAC user groups, any host that reaches a replication group's
#   port can read and write every key, sessions and cached customer records included: the
#   security group is the only barrier. A replication group needs auth_token or
#   user_group_ids (both need transit encryption).
#   Unknowns: a token or user group set from another resource counts as set, even when
#   unknown at plan time; a sensitive token is redacted, not absent, and counts as set; user
#   groups the provider only computes (not configured) do not count.
# custom:
#   id: aws-elasticache-auth
#   control: public-storage
#   cloud: aws
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Access controls; segmentation
#   remediation: |
#     Attach RBAC user groups (user_group_ids) or an auth_token from Secrets Manager, with
#     transit_encryption_enabled = true.
#   construct: EncryptedRedis
#   data_stores:
#     check: public-reachability
#     types: [aws_elasticache_replication_group]
#   example: |
#     resource "aws_elasticache_replication_group" "sessions" {
#       replication_group_id       = "sessions"
#       description                = "checkout sessions"
#       engine                     = "valkey"
#       node_type                  = "cache.t4g.small"
#       transit_encryption_enabled = true
#       user_group_ids             = ["checkout-users"]
#     }
package leakguard.rules.aws.elasticache.auth

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

authenticated(r) if resources.is_set(r, "auth_token")

authenticated(r) if "auth_token" in r.sensitive

authenticated(r) if {
	some ids in resources.values_at(r, "user_group_ids")
	count(ids) > 0
}

authenticated(r) if resources.references_under(r, "user_group_ids")

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_elasticache_replication_group")
	not authenticated(r)
	msg := sprintf("ElastiCache replication group %s accepts any client that reaches it (no auth_token or user_group_ids)", [r.address])
}
