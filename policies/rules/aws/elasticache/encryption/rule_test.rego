package leakguard.rules.aws.elasticache.encryption_test

import data.leakguard.rules.aws.elasticache.encryption as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

group(values) := t.resource("aws_elasticache_replication_group.sessions", object.union({"replication_group_id": "sessions", "description": "d"}, values), {})

cmk := "arn:aws:kms:us-west-2:111122223333:key/k"

failing_input := t.with_index([group({})])

test_unencrypted_fails if {
	k.summary(rule.deny) == {["aws-elasticache-encryption", "test/aws_elasticache_replication_group.sessions", "ElastiCache replication group aws_elasticache_replication_group.sessions lacks encryption at rest, encryption in transit"]} with input as failing_input
}

test_partial_settings_fail if {
	# The provider types at_rest_encryption_enabled as a string.
	k.summary(rule.deny) == {["aws-elasticache-encryption", "test/aws_elasticache_replication_group.sessions", "ElastiCache replication group aws_elasticache_replication_group.sessions lacks required in-transit encryption (transit_encryption_mode preferred), a customer-managed kms_key_id (it is classified pii)"]} with input as t.with_index([k.tagged(group({"at_rest_encryption_enabled": "true", "transit_encryption_enabled": true, "transit_encryption_mode": "preferred"}), {"data-classification": "pii"})])
}

test_only_the_key_missing_fails if {
	k.summary(rule.deny) == {["aws-elasticache-encryption", "test/aws_elasticache_replication_group.sessions", "ElastiCache replication group aws_elasticache_replication_group.sessions lacks a customer-managed kms_key_id (it is not classified as holding no personal information)"]} with input as t.with_index([group({"at_rest_encryption_enabled": true, "transit_encryption_enabled": true})])
}

test_encrypted_passes if {
	count(rule.deny) == 0 with input as t.with_index([group({"at_rest_encryption_enabled": true, "transit_encryption_enabled": true, "kms_key_id": cmk})])
	count(rule.deny) == 0 with input as t.with_index([k.tagged(group({"at_rest_encryption_enabled": "true", "transit_encryption_enabled": true, "transit_encryption_mode": "required"}), {"data-classification": "internal"})])
}

test_unknown_fails if {
	k.summary(rule.deny) == {["aws-elasticache-encryption", "test/aws_elasticache_replication_group.sessions", "ElastiCache replication group aws_elasticache_replication_group.sessions lacks encryption in transit (not readable before apply)"]} with input as t.with_index([group({"at_rest_encryption_enabled": true, "transit_encryption_enabled": "${var.tls}", "kms_key_id": cmk})])
}

cluster(values) := t.resource("aws_elasticache_cluster.cache", object.union({"cluster_id": "cache", "node_type": "cache.t4g.small"}, values), {})

test_standalone_cache_cluster if {
	k.summary(rule.deny) == {["aws-elasticache-encryption", "test/aws_elasticache_cluster.cache", "ElastiCache cluster aws_elasticache_cluster.cache (memcached) lacks encryption in transit"]} with input as t.with_index([cluster({"engine": "memcached"})])
	count(rule.deny) == 0 with input as t.with_index([cluster({"engine": "memcached", "transit_encryption_enabled": true})])
	k.summary(rule.deny) == {["aws-elasticache-encryption", "test/aws_elasticache_cluster.cache", "ElastiCache cluster aws_elasticache_cluster.cache (redis, outside a replication group) cannot encrypt data at rest; run it as a replication group with at_rest_encryption_enabled"]} with input as t.with_index([cluster({"engine": "Redis", "transit_encryption_enabled": true})])
	count(rule.deny) == 1 with input as t.with_index([cluster({"engine": "memcached", "transit_encryption_enabled": "${var.tls}"})])
	count(rule.deny) == 1 with input as t.with_index([cluster({"engine": "${var.engine}"})])
	count(rule.deny) == 0 with input as t.with_index([cluster({"replication_group_id": "sessions"})])
}

serverless(values) := t.resource("aws_elasticache_serverless_cache.sessions", object.union({"name": "sessions", "engine": "valkey"}, values), {})

test_serverless_cache_needs_a_customer_managed_key if {
	k.summary(rule.deny) == {["aws-elasticache-encryption", "test/aws_elasticache_serverless_cache.sessions", "ElastiCache serverless cache aws_elasticache_serverless_cache.sessions is encrypted with an AWS-managed key, but it is not classified as holding no personal information: set kms_key_id to a customer-managed key"]} with input as t.with_index([serverless({})])
	count(rule.deny) == 1 with input as t.with_index([serverless({"kms_key_id": "alias/aws/elasticache"})])
	count(rule.deny) == 0 with input as t.with_index([serverless({"kms_key_id": "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"})])
	count(rule.deny) == 0 with input as t.with_index([object.union(serverless({}), {"references": {"kms_key_id": ["test/aws_kms_key.k"]}})])
	count(rule.deny) == 0 with input as t.with_index([k.tagged(serverless({}), {"data-classification": "internal"})])
}
