package leakguard.rules.aws.dax.encryption_test

import data.leakguard.rules.aws.dax.encryption as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

cluster(values) := t.resource("aws_dax_cluster.carts", object.union({"cluster_name": "carts-cache", "node_type": "dax.r5.large", "replication_factor": 3}, values), {})

failing_input := t.with_index([cluster({})])

test_defaults_fail if {
	k.summary(rule.deny) == {[
		"aws-dax-encryption", "test/aws_dax_cluster.carts",
		"DAX cluster aws_dax_cluster.carts caches DynamoDB items unprotected: its nodes are not encrypted at rest (server_side_encryption.enabled is not true); its endpoint accepts plain-text clients (cluster_endpoint_encryption_type not set: NONE)",
	]} with input as failing_input
}

test_each_protection_missing_fails if {
	k.summary(rule.deny) == {[
		"aws-dax-encryption", "test/aws_dax_cluster.carts",
		"DAX cluster aws_dax_cluster.carts caches DynamoDB items unprotected: its endpoint accepts plain-text clients (cluster_endpoint_encryption_type NONE)",
	]} with input as t.with_index([cluster({"server_side_encryption": [{"enabled": true}], "cluster_endpoint_encryption_type": "NONE"})])
	k.summary(rule.deny) == {[
		"aws-dax-encryption", "test/aws_dax_cluster.carts",
		"DAX cluster aws_dax_cluster.carts caches DynamoDB items unprotected: its nodes are not encrypted at rest (server_side_encryption.enabled is not true)",
	]} with input as t.with_index([cluster({"server_side_encryption": [{"enabled": false}], "cluster_endpoint_encryption_type": "TLS"})])
}

test_encrypted_cluster_passes if {
	count(rule.deny) == 0 with input as t.with_index([cluster({"server_side_encryption": [{"enabled": true}], "cluster_endpoint_encryption_type": "TLS"})])
}

test_unknown_fails if {
	k.summary(rule.deny) == {[
		"aws-dax-encryption", "test/aws_dax_cluster.carts",
		"DAX cluster aws_dax_cluster.carts caches DynamoDB items unprotected: server_side_encryption.enabled unknown before apply; cluster_endpoint_encryption_type unknown before apply",
	]} with input as t.with_index([cluster({"server_side_encryption": [{"enabled": "${var.sse}"}], "cluster_endpoint_encryption_type": "${var.tls}"})])
}
