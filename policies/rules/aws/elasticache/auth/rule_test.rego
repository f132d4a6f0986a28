package leakguard.rules.aws.elasticache.auth_test

import data.leakguard.rules.aws.elasticache.auth as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

group(values) := t.resource("aws_elasticache_replication_group.sessions", object.union({"replication_group_id": "sessions", "description": "d"}, values), {})

failing_input := t.with_index([group({"transit_encryption_enabled": true})])

test_no_auth_fails if {
	k.summary(rule.deny) == {["aws-elasticache-auth", "test/aws_elasticache_replication_group.sessions", "ElastiCache replication group aws_elasticache_replication_group.sessions accepts any client that reaches it (no auth_token or user_group_ids)"]} with input as failing_input
	count(rule.deny) == 1 with input as t.with_index([group({"user_group_ids": []})])
}

test_auth_passes if {
	count(rule.deny) == 0 with input as t.with_index([group({"user_group_ids": ["checkout"]})])
	count(rule.deny) == 0 with input as t.with_index([object.union(group({}), {"sensitive": ["auth_token"]})])
	count(rule.deny) == 0 with input as t.with_index([group({"auth_token": "${random_password.p.result}"})])
}

test_referenced_user_groups_count_as_set_computed_ones_do_not if {
	ref := object.union(group({}), {"references": {"user_group_ids": ["test/aws_elasticache_user_group.g"]}})
	count(rule.deny) == 0 with input as t.with_index([ref])
	count(rule.deny) == 1 with input as t.with_index([k.unknown(group({}), ["user_group_ids"])])
}

cluster(values) := t.resource("aws_elasticache_cluster.cache", object.union({"cluster_id": "cache", "node_type": "cache.t4g.small"}, values), {})

test_standalone_cache_cluster_fails if {
	k.summary(rule.deny) == {["aws-elasticache-auth", "test/aws_elasticache_cluster.cache", "ElastiCache cluster aws_elasticache_cluster.cache (redis, outside a replication group) cannot authenticate clients: any client that reaches it reads every key"]} with input as t.with_index([cluster({"engine": "redis"})])

	# The provider computes replication_group_id for a stand-alone cluster.
	count(rule.deny) == 1 with input as t.with_index([k.unknown(cluster({"engine": "valkey"}), ["replication_group_id"])])
	k.summary(rule.deny) == {["aws-elasticache-auth", "test/aws_elasticache_cluster.cache", "ElastiCache cluster aws_elasticache_cluster.cache has an engine not readable before apply; client authentication cannot be verified"]} with input as t.with_index([cluster({"engine": "${var.engine}"})])
}

test_replication_group_member_is_judged_with_its_group if {
	count(rule.deny) == 0 with input as t.with_index([cluster({"replication_group_id": "sessions"})])
	member := object.union(cluster({"replication_group_id": "${aws_elasticache_replication_group.sessions.id}"}), {"references": {"replication_group_id": ["test/aws_elasticache_replication_group.sessions"]}})
	count(rule.deny) == 0 with input as t.with_index([member, group({"user_group_ids": ["checkout"]})])
}

test_memcached_is_accepted_only_when_classified_as_holding_no_personal_information if {
	memcached := cluster({"engine": "memcached", "transit_encryption_enabled": true})
	k.summary(rule.deny) == {["aws-elasticache-auth", "test/aws_elasticache_cluster.cache", "ElastiCache cluster aws_elasticache_cluster.cache runs Memcached, which cannot authenticate clients (transit encryption does not change that): any client that reaches it reads and writes every key, and it is not classified as holding no personal information"]} with input as t.with_index([memcached])
	k.summary(rule.deny) == {["aws-elasticache-auth", "test/aws_elasticache_cluster.cache", "ElastiCache cluster aws_elasticache_cluster.cache runs Memcached, which cannot authenticate clients (transit encryption does not change that): any client that reaches it reads and writes every key, and it is classified pii"]} with input as t.with_index([k.tagged(memcached, {"data-classification": "pii"})])
	count(rule.deny) == 0 with input as t.with_index([k.tagged(memcached, {"data-classification": "internal"})])

	# A classification outside the allowed values proves nothing.
	count(rule.deny) == 1 with input as t.with_index([k.tagged(memcached, {"data-classification": "cache"})])
}

serverless(values) := t.resource("aws_elasticache_serverless_cache.sessions", object.union({"name": "sessions"}, values), {})

test_serverless_cache if {
	k.summary(rule.deny) == {["aws-elasticache-auth", "test/aws_elasticache_serverless_cache.sessions", "ElastiCache serverless cache aws_elasticache_serverless_cache.sessions (valkey) accepts any client that reaches it (no user_group_id)"]} with input as t.with_index([serverless({"engine": "valkey"})])
	count(rule.deny) == 0 with input as t.with_index([serverless({"engine": "redis", "user_group_id": "checkout"})])
	count(rule.deny) == 0 with input as t.with_index([object.union(serverless({"engine": "valkey"}), {"references": {"user_group_id": ["test/aws_elasticache_user_group.g"]}})])
	k.summary(rule.deny) == {["aws-elasticache-auth", "test/aws_elasticache_serverless_cache.sessions", "ElastiCache serverless cache aws_elasticache_serverless_cache.sessions runs Memcached, which cannot authenticate clients (transit encryption does not change that): any client that reaches it reads and writes every key, and it is not classified as holding no personal information"]} with input as t.with_index([serverless({"engine": "memcached"})])
	count(rule.deny) == 0 with input as t.with_index([k.tagged(serverless({"engine": "memcached"}), {"data-classification": "public"})])
	k.summary(rule.deny) == {["aws-elasticache-auth", "test/aws_elasticache_serverless_cache.sessions", "ElastiCache serverless cache aws_elasticache_serverless_cache.sessions has an engine not readable before apply; client authentication cannot be verified"]} with input as t.with_index([serverless({"engine": "${var.engine}"})])
}
