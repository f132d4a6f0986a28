package leakguard.rules.aws.neptunegraph.public_test

import data.leakguard.rules.aws.neptunegraph.public as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

id := "aws-neptune-graph-public"

key := "test/aws_neptunegraph_graph.customers"

graph(values) := t.resource("aws_neptunegraph_graph.customers", object.union({"graph_name": "customer-graph", "provisioned_memory": 16}, values), {})

failing_input := t.with_index([graph({"public_connectivity": true})])

test_public_graph_fails if {
	k.summary(rule.deny) == {[id, key, "Neptune Analytics graph aws_neptunegraph_graph.customers is reachable from the internet (public_connectivity = true)"]} with input as failing_input
}

test_private_or_default_graph_passes if {
	count(rule.deny) == 0 with input as t.with_index([graph({"public_connectivity": false})])

	# Left out: the service's default, private; a plan shows it unknown, not configured.
	count(rule.deny) == 0 with input as t.with_index([graph({})])
	count(rule.deny) == 0 with input as t.with_index([object.union(graph({}), {"unknown": ["public_connectivity"]})])
}

test_unknown_connectivity_fails_unverified if {
	msg := "Neptune Analytics graph aws_neptunegraph_graph.customers has public_connectivity unknown before apply; that it is not reachable from the internet cannot be verified"
	k.summary(rule.deny) == {[id, key, msg]} with input as t.with_index([graph({"public_connectivity": "${var.public}"})])
	from_resource := object.union(t.resource("aws_neptunegraph_graph.customers", {"provisioned_memory": 16}, {"public_connectivity": ["terraform_data.flag"]}), {"unknown": ["public_connectivity"]})
	k.summary(rule.deny) == {[id, key, msg]} with input as t.with_index([from_resource])
}
