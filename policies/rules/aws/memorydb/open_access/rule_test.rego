package leakguard.rules.aws.memorydb.open_access_test

import data.leakguard.rules.aws.memorydb.open_access as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

cluster(values) := t.resource("aws_memorydb_cluster.carts", object.union({"name": "carts", "node_type": "db.t4g.small"}, values), {})

failing_input := t.with_index([cluster({"acl_name": "open-access"})])

test_open_access_fails if {
	k.summary(rule.deny) == {["aws-memorydb-open-access", "test/aws_memorydb_cluster.carts", "MemoryDB cluster aws_memorydb_cluster.carts uses the open-access ACL: any client that reaches it reads and writes every key"]} with input as failing_input
}

test_own_acl_passes if {
	count(rule.deny) == 0 with input as t.with_index([cluster({"acl_name": "carts-users"})])
	ref := object.union(cluster({"acl_name": "${aws_memorydb_acl.carts.id}"}), {"references": {"acl_name": ["test/aws_memorydb_acl.carts"]}})
	acl := t.resource("aws_memorydb_acl.carts", {"name": "carts"}, {})
	count(rule.deny) == 0 with input as t.with_index([ref, acl])
}

test_unknown_fails if {
	k.summary(rule.deny) == {["aws-memorydb-open-access", "test/aws_memorydb_cluster.carts", "MemoryDB cluster aws_memorydb_cluster.carts has an acl_name not readable before apply; client authentication cannot be verified"]} with input as t.with_index([cluster({"acl_name": "${var.acl}"})])
}

test_acl_from_elsewhere_fails_unverified if {
	msg := "MemoryDB cluster aws_memorydb_cluster.carts has an acl_name not readable before apply; client authentication cannot be verified"
	every how in [{"references": {"acl_name": ["test/terraform_data.elsewhere"]}}, {"unlinked": ["acl_name"]}] {
		c := object.union(cluster({}), object.union({"unknown": ["acl_name"]}, how))
		k.summary(rule.deny) == {["aws-memorydb-open-access", "test/aws_memorydb_cluster.carts", msg]} with input as t.with_index([c])
	}
}
