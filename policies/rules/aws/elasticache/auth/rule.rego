# METADATA
# title: ElastiCache Redis/Valkey open to any client on the network
# description: |
#   Without an AUTH token or RBAC user groups, any host that reaches a replication group's
#   port can read and write every key, sessions and cached customer records included: the
#   security group is the only barrier. A replication group needs auth_token or
#   user_group_ids (both need transit encryption). A cache cluster outside a replication
#   group (aws_elasticache_cluster without replication_group_id) cannot authenticate clients
#   at all, whether Memcached or a single Redis/Valkey node, and is reported.
#   Unknowns: a token or user group set from another resource counts as set, even when
#   unknown at plan time; a sensitive token is redacted, not absent, and counts as set; user
#   groups the provider only computes (not configured) do not count; a cluster whose engine
#   or replication group is not readable before apply is reported.
# custom:
#   id: aws-elasticache-auth
#   control: public-storage
#   cloud: aws
#   severity: high
#   data_stores:
#     check: public-reachability
#     types: [aws_elasticache_replication_group, aws_elasticache_cluster]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Access controls; segmentation
#   remediation: |
#     Attach RBAC user groups (user_group_ids) or an auth_token from Secrets Manager, with
#     transit_encryption_enabled = true; move a stand-alone cache cluster into a replication
#     group (Redis/Valkey) that does.
#   construct: EncryptedRedis
#   runbook:
#     exposure: Any client that reaches the cache on the network reads and writes every key; no password or user is asked for
#     preserve:
#       - do: Record the replication group's auth, encryption and security groups
#         run: aws elasticache describe-replication-groups --replication-group-id {{values.replication_group_id|fill.replication-group-id}} --region {{region}}
#       - do: Export the cache's events for the exposure window
#         run: aws elasticache describe-events --source-identifier {{values.replication_group_id|fill.replication-group-id}} --source-type replication-group --start-time {{window_start}} --end-time {{window_end}} --region {{region}}
#       - do: Save the inbound rules of its security group (who could connect)
#         run: aws ec2 describe-security-groups --group-ids {{fill.security-group-id}} --region {{region}}
#     contain:
#       - do: Set an AUTH token (needs in-transit encryption; clients must then send it)
#         run: aws elasticache modify-replication-group --replication-group-id {{values.replication_group_id|fill.replication-group-id}} --auth-token {{fill.auth-token}} --auth-token-update-strategy ROTATE --apply-immediately --region {{region}}
#     verify:
#       - do: AuthTokenEnabled reads true
#         run: aws elasticache describe-replication-groups --replication-group-id {{values.replication_group_id|fill.replication-group-id}} --region {{region}} --query "ReplicationGroups[0].AuthTokenEnabled"
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
import data.leakguard.lib.stores
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

deny contains finding.new(rego.metadata.chain(), c, msg) if {
	some c in stores.standalone_cache_clusters
	msg := cluster_message(c, stores.cache_engine(c))
}

cluster_message(c, "unknown") := sprintf("ElastiCache cluster %s has an engine not readable before apply; client authentication cannot be verified", [c.address])

cluster_message(c, engine) := sprintf("ElastiCache cluster %s (%s, outside a replication group) cannot authenticate clients: any client that reaches it reads every key", [c.address, engine]) if engine != "unknown"
