package leakguard.rules.aws.neptunegraph.deletion_protection_test

import data.leakguard.rules.aws.neptunegraph.deletion_protection as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

id := "aws-neptune-graph-deletion-protection"

key := "test/aws_neptunegraph_graph.customers"

graph(values) := t.resource("aws_neptunegraph_graph.customers", object.union({"graph_name": "customer-graph", "provisioned_memory": 16}, values), {})

failing_input := t.with_index([graph({"deletion_protection": false})])

test_unprotected_graph_fails if {
	k.summary(rule.deny) == {[id, key, "Neptune Analytics graph aws_neptunegraph_graph.customers can be deleted with all its data (deletion_protection = false), and Terraform deletes a graph without a final snapshot"]} with input as failing_input
}

test_protected_or_default_graph_passes if {
	count(rule.deny) == 0 with input as t.with_index([graph({"deletion_protection": true})])

	# Left out: the service's default, protected.
	count(rule.deny) == 0 with input as t.with_index([graph({})])
	count(rule.deny) == 0 with input as t.with_index([object.union(graph({}), {"unknown": ["deletion_protection"]})])
}

test_unknown_protection_fails_unverified if {
	k.summary(rule.deny) == {[id, key, "Neptune Analytics graph aws_neptunegraph_graph.customers has deletion_protection unknown before apply; that it cannot be deleted with its data cannot be verified"]} with input as t.with_index([graph({"deletion_protection": "${var.protect}"})])
}
