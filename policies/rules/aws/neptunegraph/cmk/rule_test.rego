package leakguard.rules.aws.neptunegraph.cmk_test

import data.leakguard.rules.aws.neptunegraph.cmk as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

id := "aws-neptune-graph-cmk"

key := "test/aws_neptunegraph_graph.customers"

graph(values, refs) := k.tagged(t.resource("aws_neptunegraph_graph.customers", object.union({"graph_name": "customer-graph", "provisioned_memory": 16}, values), refs), {"data-classification": "pii"})

failing_input := t.with_index([graph({}, {})])

owned := "Neptune Analytics graph aws_neptunegraph_graph.customers is encrypted with a key AWS owns (kms_key_identifier not a customer-managed key), but it is classified pii"

test_aws_owned_key_fails if {
	k.summary(rule.deny) == {[id, key, owned]} with input as failing_input
	k.summary(rule.deny) == {[id, key, owned]} with input as t.with_index([graph({"kms_key_identifier": "AWS_OWNED_KEY"}, {})])

	# Left out, a plan shows it unknown (the provider reads AWS's default back): not a key.
	k.summary(rule.deny) == {[id, key, owned]} with input as t.with_index([object.union(graph({}, {}), {"unknown": ["kms_key_identifier"]})])
}

test_customer_key_passes if {
	count(rule.deny) == 0 with input as t.with_index([graph({"kms_key_identifier": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}, {})])
	from_key := object.union(graph({}, {"kms_key_identifier": ["test/aws_kms_key.graph"]}), {"unknown": ["kms_key_identifier"]})
	count(rule.deny) == 0 with input as t.with_index([from_key])
}

test_non_pii_graph_passes if {
	count(rule.deny) == 0 with input as t.with_index([k.tagged(t.resource("aws_neptunegraph_graph.customers", {"provisioned_memory": 16}, {}), {"data-classification": "internal"})])

	# Unclassified: it cannot be shown to hold none.
	count(rule.deny) == 1 with input as t.with_index([t.resource("aws_neptunegraph_graph.customers", {"provisioned_memory": 16}, {})])
}

test_unknown_key_fails_unverified if {
	k.summary(rule.deny) == {[id, key, "Neptune Analytics graph aws_neptunegraph_graph.customers has kms_key_identifier unknown before apply; the key it is encrypted with cannot be verified"]} with input as t.with_index([graph({"kms_key_identifier": "${var.key}"}, {})])
}
