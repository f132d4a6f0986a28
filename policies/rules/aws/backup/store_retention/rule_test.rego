package leakguard.rules.aws.backup.store_retention_test

import data.leakguard.rules.aws.backup.store_retention as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

failing_input := t.with_index([t.resource("aws_docdb_cluster.profiles", {"cluster_identifier": "profiles"}, {})])

test_service_default_fails if {
	k.summary(rule.deny) == {["aws-store-backup-retention", "test/aws_docdb_cluster.profiles", "DocumentDB cluster aws_docdb_cluster.profiles keeps automated backups 1 days (backup_retention_period); at least 7 required"]} with input as failing_input
	k.summary(rule.deny) == {["aws-store-backup-retention", "test/aws_elasticache_replication_group.s", "ElastiCache replication group aws_elasticache_replication_group.s keeps automated backups 0 days (snapshot_retention_limit); at least 7 required"]} with input as t.with_index([t.resource("aws_elasticache_replication_group.s", {}, {})])
}

test_every_store_type_is_checked if {
	every typ, spec in rule.stores {
		attr := spec[1]
		count(rule.deny) == 1 with input as t.with_index([t.resource(concat(".", [typ, "x"]), {attr: 3}, {})])
		count(rule.deny) == 0 with input as t.with_index([t.resource(concat(".", [typ, "x"]), {attr: 7}, {})])
	}
}

test_threshold_is_configurable if {
	r := t.resource("aws_neptune_cluster.graph", {"backup_retention_period": 14}, {})
	count(rule.deny) == 0 with input as t.with_index([r])
	count(rule.deny) == 1 with input as t.with_index([r]) with data.config as {"backup_retention_days": 21}
}

test_unknown_fails if {
	r := t.resource("aws_redshift_cluster.a", {"automated_snapshot_retention_period": "${var.days}"}, {})
	k.summary(rule.deny) == {["aws-store-backup-retention", "test/aws_redshift_cluster.a", "Redshift cluster aws_redshift_cluster.a has automated_snapshot_retention_period unknown before apply; backup retention cannot be verified"]} with input as t.with_index([r])
}

test_caches_and_memorydb if {
	k.summary(rule.deny) == {["aws-store-backup-retention", "test/aws_memorydb_cluster.sessions", "MemoryDB cluster aws_memorydb_cluster.sessions keeps automated backups 0 days (snapshot_retention_limit); at least 7 required"]} with input as t.with_index([t.resource("aws_memorydb_cluster.sessions", {"name": "sessions"}, {})])
	count(rule.deny) == 1 with input as t.with_index([t.resource("aws_elasticache_serverless_cache.s", {"engine": "valkey"}, {})])
	count(rule.deny) == 1 with input as t.with_index([t.resource("aws_elasticache_cluster.s", {"engine": "redis"}, {})])

	# Memcached keeps nothing to back up; a group member is judged with its group.
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_elasticache_serverless_cache.s", {"engine": "memcached"}, {})])
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_elasticache_cluster.s", {"engine": "memcached"}, {})])
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_elasticache_cluster.s", {"replication_group_id": "sessions"}, {})])
}
