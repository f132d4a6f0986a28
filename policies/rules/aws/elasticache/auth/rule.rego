# METADATA
# title: ElastiCache Redis/Valkey open to any client on the network
# description: |
#   Without an AUTH token or RBAC user groups, any host that reaches a Redis/Valkey cache's
#   port can read and write every key, sessions and cached customer records included: the
#   security group is the only barrier. A replication group needs auth_token or
#   user_group_ids (both need transit encryption); a serverless Redis/Valkey cache
#   (aws_elasticache_serverless_cache) needs user_group_id. A single Redis/Valkey node
#   outside a replication group (aws_elasticache_cluster without replication_group_id)
#   cannot authenticate clients and is reported. Memcached, as a cache cluster or serverless,
#   has no client authentication at all (no AUTH, no RBAC; transit_encryption_enabled,
#   supported since 2023, encrypts the wire but lets every client in): it is reported unless
#   it is classified as holding no personal information (an allowed classification outside
#   pii_classifications), the one way to accept it.
#   Unknowns: a token or user group set from another resource counts as set, even when
#   unknown at plan time; a sensitive token is redacted, not absent, and counts as set; user
#   groups the provider only computes (not configured) do not count; a cluster or serverless
#   cache whose engine or replication group is not readable before apply is reported, and
#   so is Memcached whose classification is not readable.
# custom:
#   id: aws-elasticache-auth
#   control: public-storage
#   cloud: aws
#   severity: high
#   data_stores:
#     check: public-reachability
#     types: [aws_elasticache_replication_group, aws_elasticache_cluster, aws_elasticache_serverless_cache]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Access controls; segmentation
#   remediation: |
#     Attach RBAC user groups (user_group_ids; user_group_id on a serverless cache) or an
#     auth_token from Secrets Manager, with transit_encryption_enabled = true; move a
#     stand-alone Redis/Valkey node into a replication group that does. Memcached cannot
#     authenticate clients: keep customer data in Redis/Valkey with RBAC, and classify a
#     Memcached cache that holds none (data-classification "public" or "internal").
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
#       - do: Narrow the security group's inbound rules to the application's own security group (the only barrier for Memcached, stand-alone nodes and serverless caches without a user group)
#         run: aws ec2 revoke-security-group-ingress --group-id {{fill.security-group-id}} --ip-permissions {{fill.ip-permissions}} --region {{region}}
#       - do: Set an AUTH token on a replication group (needs in-transit encryption; clients must then send it)
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

cluster_message(c, "memcached") := memcached_message(c, "cluster")

cluster_message(c, engine) := sprintf("ElastiCache cluster %s (%s, outside a replication group) cannot authenticate clients: any client that reaches it reads every key", [c.address, engine]) if {
	not engine in {"unknown", "memcached"}
}

deny contains finding.new(rego.metadata.chain(), c, msg) if {
	some c in resources.of_type("aws_elasticache_serverless_cache")
	msg := serverless_message(c, stores.cache_engine(c))
}

serverless_message(c, "unknown") := sprintf("ElastiCache serverless cache %s has an engine not readable before apply; client authentication cannot be verified", [c.address])

serverless_message(c, "memcached") := memcached_message(c, "serverless cache")

serverless_message(c, engine) := sprintf("ElastiCache serverless cache %s (%s) accepts any client that reaches it (no user_group_id)", [c.address, engine]) if {
	not engine in {"unknown", "memcached"}
	not resources.configured(c, "user_group_id")
}

# Memcached has no client authentication; only a classification saying the cache holds no
# personal information accepts it.
memcached_message(c, kind) := sprintf("ElastiCache %s %s runs Memcached, which cannot authenticate clients (transit encryption does not change that): any client that reaches it reads and writes every key, and %s", [kind, c.address, stores.cmk_reason(c)]) if {
	not stores.non_pii(c)
}
