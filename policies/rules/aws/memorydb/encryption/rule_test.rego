package leakguard.rules.aws.memorydb.encryption_test

import data.leakguard.rules.aws.memorydb.encryption as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

cmk := "arn:aws:kms:us-west-2:111122223333:key/k"

cluster(values) := t.resource("aws_memorydb_cluster.carts", object.union({"name": "carts", "node_type": "db.t4g.small", "acl_name": "carts-users"}, values), {})

failing_input := t.with_index([cluster({"tls_enabled": false})])

test_without_tls_and_cmk_fails if {
	k.summary(rule.deny) == {["aws-memorydb-encryption", "test/aws_memorydb_cluster.carts", "MemoryDB cluster aws_memorydb_cluster.carts lacks TLS (tls_enabled = false), a customer-managed kms_key_arn (it is not classified as holding no personal information)"]} with input as failing_input
	k.summary(rule.deny) == {["aws-memorydb-encryption", "test/aws_memorydb_cluster.carts", "MemoryDB cluster aws_memorydb_cluster.carts lacks a customer-managed kms_key_arn (it is classified pii)"]} with input as t.with_index([k.tagged(cluster({}), {"data-classification": "pii"})])
}

test_tls_and_cmk_pass if {
	count(rule.deny) == 0 with input as t.with_index([cluster({"tls_enabled": true, "kms_key_arn": cmk})])
	count(rule.deny) == 0 with input as t.with_index([cluster({"kms_key_arn": cmk})])
	count(rule.deny) == 0 with input as t.with_index([k.tagged(cluster({}), {"data-classification": "internal"})])
	ref := object.union(cluster({"kms_key_arn": "${aws_kms_key.k.arn}"}), {"references": {"kms_key_arn": ["test/aws_kms_key.k"]}})
	count(rule.deny) == 0 with input as t.with_index([ref])
}

test_unknown_fails if {
	k.summary(rule.deny) == {["aws-memorydb-encryption", "test/aws_memorydb_cluster.carts", "MemoryDB cluster aws_memorydb_cluster.carts lacks TLS (tls_enabled not readable before apply)"]} with input as t.with_index([cluster({"tls_enabled": "${var.tls}", "kms_key_arn": cmk})])
}
