package leakguard.rules.aws.opensearchserverless.public_network_test

import data.leakguard.rules.aws.opensearchserverless.public_network as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

collection := t.resource("aws_opensearchserverless_collection.orders", {"name": "orders", "type": "SEARCH"}, {})

network(statements) := t.resource("aws_opensearchserverless_security_policy.orders_network", {"name": "orders-network", "type": "network", "policy": json.marshal(statements)}, {})

public_statement(resource_type, pattern) := {"Rules": [{"ResourceType": resource_type, "Resource": [pattern]}], "AllowFromPublic": true}

failing_input := t.with_index([collection, network([public_statement("collection", "collection/orders*")])])

test_public_collection_fails if {
	k.summary(rule.deny) == {["aws-opensearchserverless-public", "test/aws_opensearchserverless_collection.orders", "OpenSearch Serverless collection aws_opensearchserverless_collection.orders is reachable from the internet: AllowFromPublic in aws_opensearchserverless_security_policy.orders_network (collection)"]} with input as failing_input
	count(rule.deny) == 1 with input as t.with_index([collection, network([public_statement("dashboard", "collection/ORDERS")])])
}

test_private_or_other_collections_pass if {
	vpc := {"Rules": [{"ResourceType": "collection", "Resource": ["collection/orders"]}], "AllowFromPublic": false, "SourceVPCEs": ["vpce-1"]}
	count(rule.deny) == 0 with input as t.with_index([collection, network([vpc])])
	count(rule.deny) == 0 with input as t.with_index([collection])

	# A public statement for another collection is not this one's; without that collection
	# in the input it is reported on the policy.
	k.summary(rule.deny) == {["aws-opensearchserverless-public", "test/aws_opensearchserverless_security_policy.orders_network", "OpenSearch Serverless network policy aws_opensearchserverless_security_policy.orders_network allows public access to collection/logs"]} with input as t.with_index([collection, network([vpc, public_statement("collection", "collection/logs")])])
}

test_encryption_policies_are_not_network_policies if {
	enc := t.resource("aws_opensearchserverless_security_policy.enc", {"name": "enc", "type": "encryption", "policy": json.marshal({"Rules": [{"ResourceType": "collection", "Resource": ["collection/orders"]}], "AWSOwnedKey": true, "AllowFromPublic": true})}, {})
	count(rule.deny) == 0 with input as t.with_index([collection, enc])
}

test_unknown_policy_fails if {
	k.summary(rule.deny) == {["aws-opensearchserverless-public", "test/aws_opensearchserverless_security_policy.orders_network", "OpenSearch Serverless network policy aws_opensearchserverless_security_policy.orders_network cannot be read before apply; it cannot be shown to keep its collections off the internet"]} with input as t.with_index([collection, t.resource("aws_opensearchserverless_security_policy.orders_network", {"name": "n", "type": "network", "policy": "${jsonencode(local.p)}"}, {})])
	count(rule.deny) == 1 with input as t.with_index([k.unknown(t.resource("aws_opensearchserverless_security_policy.orders_network", {"name": "n", "type": "network"}, {}), ["policy"])])
}

test_name_unknown_fails_unverified if {
	msg := "OpenSearch Serverless collection aws_opensearchserverless_collection.orders has a name unknown at plan time; that AllowFromPublic in aws_opensearchserverless_security_policy.orders_network does not open it cannot be verified"
	every how in [{"references": {"name": ["test/terraform_data.elsewhere"]}}, {"unlinked": ["name"]}] {
		c := object.union(t.resource("aws_opensearchserverless_collection.orders", {"type": "SEARCH"}, {}), object.union({"unknown": ["name"]}, how))
		k.summary(rule.deny) == {
			["aws-opensearchserverless-public", "test/aws_opensearchserverless_collection.orders", msg],
			["aws-opensearchserverless-public", "test/aws_opensearchserverless_security_policy.orders_network", "OpenSearch Serverless network policy aws_opensearchserverless_security_policy.orders_network allows public access to collection/orders*"],
		} with input as t.with_index([c, network([public_statement("collection", "collection/orders*")])])
	}
	k.summary(rule.deny) == {
		["aws-opensearchserverless-public", "test/aws_opensearchserverless_collection.orders", msg],
		["aws-opensearchserverless-public", "test/aws_opensearchserverless_collection.other", "OpenSearch Serverless collection aws_opensearchserverless_collection.other is reachable from the internet: AllowFromPublic in aws_opensearchserverless_security_policy.orders_network (collection)"],
	} with input as t.with_index([
		t.resource("aws_opensearchserverless_collection.orders", {"name": "${var.name}", "type": "SEARCH"}, {}),
		network([public_statement("collection", "collection/orders*")]),
		collection_named("other", "orders-1"),
	])
}

collection_named(n, name) := t.resource(sprintf("aws_opensearchserverless_collection.%s", [n]), {"name": name, "type": "SEARCH"}, {})

test_name_unknown_without_public_policy_passes if {
	c := object.union(t.resource("aws_opensearchserverless_collection.orders", {"type": "SEARCH"}, {}), {"unknown": ["name"], "unlinked": ["name"]})
	vpc := {"Rules": [{"ResourceType": "collection", "Resource": ["collection/orders"]}], "AllowFromPublic": false, "SourceVPCEs": ["vpce-1"]}
	count(rule.deny) == 0 with input as t.with_index([c, network([vpc])])
}
