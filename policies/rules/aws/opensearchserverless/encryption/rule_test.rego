package leakguard.rules.aws.opensearchserverless.encryption_test

import data.leakguard.rules.aws.opensearchserverless.encryption as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

collection := t.resource("aws_opensearchserverless_collection.orders", {"name": "orders", "type": "SEARCH"}, {})

encryption(doc) := t.resource("aws_opensearchserverless_security_policy.orders_encryption", {"name": "orders-encryption", "type": "encryption", "policy": json.marshal(doc)}, {})

rules(pattern) := [{"ResourceType": "collection", "Resource": [pattern]}]

failing_input := t.with_index([collection, encryption({"Rules": rules("collection/orders"), "AWSOwnedKey": true})])

test_aws_owned_key_fails if {
	k.summary(rule.deny) == {["aws-opensearchserverless-encryption", "test/aws_opensearchserverless_collection.orders", "OpenSearch Serverless collection aws_opensearchserverless_collection.orders is encrypted with an AWS-owned key (aws_opensearchserverless_security_policy.orders_encryption), but it is not classified as holding no personal information: use AWSOwnedKey = false with a customer-managed KmsARN"]} with input as failing_input
	count(rule.deny) == 1 with input as t.with_index([collection, encryption({"Rules": rules("collection/ord*"), "AWSOwnedKey": false, "KmsARN": "alias/aws/aoss"})])
}

test_customer_key_or_non_pii_passes if {
	count(rule.deny) == 0 with input as t.with_index([collection, encryption({"Rules": rules("collection/orders*"), "AWSOwnedKey": false, "KmsARN": "arn:aws:kms:us-west-2:111122223333:key/k"})])

	# CDKTF renders a key resource's ARN as a reference inside the JSON.
	count(rule.deny) == 0 with input as t.with_index([collection, encryption({"Rules": rules("collection/orders"), "AWSOwnedKey": false, "KmsARN": "${aws_kms_key.search.arn}"})])
	count(rule.deny) == 0 with input as t.with_index([k.tagged(collection, {"data-classification": "internal"}), encryption({"Rules": rules("collection/orders"), "AWSOwnedKey": true})])
}

test_unverifiable_key_fails if {
	k.summary(rule.deny) == {["aws-opensearchserverless-encryption", "test/aws_opensearchserverless_collection.orders", "OpenSearch Serverless collection aws_opensearchserverless_collection.orders: no encryption policy in this input matches it; its key cannot be verified"]} with input as t.with_index([collection, encryption({"Rules": rules("collection/logs"), "AWSOwnedKey": false, "KmsARN": "arn:k"})])
	unknown := t.resource("aws_opensearchserverless_security_policy.orders_encryption", {"name": "e", "type": "encryption", "policy": "${jsonencode(local.enc)}"}, {})
	k.summary(rule.deny) == {["aws-opensearchserverless-encryption", "test/aws_opensearchserverless_collection.orders", "OpenSearch Serverless collection aws_opensearchserverless_collection.orders: no encryption policy in this input matches it (aws_opensearchserverless_security_policy.orders_encryption cannot be read before apply); its key cannot be verified"]} with input as t.with_index([collection, unknown])
}

test_name_unknown_fails_unverified if {
	msg := "OpenSearch Serverless collection aws_opensearchserverless_collection.orders has a name unknown at plan time; which encryption policy matches it, and so its key, cannot be verified"
	every how in [{"references": {"name": ["test/terraform_data.elsewhere"]}}, {"unlinked": ["name"]}] {
		c := object.union(t.resource("aws_opensearchserverless_collection.orders", {"type": "SEARCH"}, {}), object.union({"unknown": ["name"]}, how))
		k.summary(rule.deny) == {["aws-opensearchserverless-encryption", "test/aws_opensearchserverless_collection.orders", msg]} with input as t.with_index([c, encryption({"Rules": rules("collection/orders"), "AWSOwnedKey": true})])
	}
}
