package leakguard.rules.aws.keyspaces.cmk_test

import data.leakguard.rules.aws.keyspaces.cmk as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

table(values, refs) := t.resource("aws_keyspaces_table.orders", object.union({"keyspace_name": "shop", "table_name": "orders"}, values), refs)

failing_input := t.with_index([table({}, {})])

owned(shown) := sprintf("Keyspaces table aws_keyspaces_table.orders is encrypted with a key AWS owns (encryption_specification.type %s), but it is not classified as holding no personal information: set encryption_specification { type = \"CUSTOMER_MANAGED_KMS_KEY\", kms_key_identifier = <customer-managed key> }", [shown])

test_default_and_aws_owned_fail if {
	k.summary(rule.deny) == {["aws-keyspaces-cmk", "test/aws_keyspaces_table.orders", owned("not set: AWS_OWNED_KMS_KEY")]} with input as failing_input
	k.summary(rule.deny) == {["aws-keyspaces-cmk", "test/aws_keyspaces_table.orders", owned("AWS_OWNED_KMS_KEY")]} with input as t.with_index([table({"encryption_specification": [{"type": "AWS_OWNED_KMS_KEY"}]}, {})])
}

test_customer_key_passes if {
	count(rule.deny) == 0 with input as t.with_index([table({"encryption_specification": [{"type": "CUSTOMER_MANAGED_KMS_KEY", "kms_key_identifier": "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}]}, {})])
	count(rule.deny) == 0 with input as t.with_index([table({"encryption_specification": [{"type": "CUSTOMER_MANAGED_KMS_KEY", "kms_key_identifier": "${aws_kms_key.k.arn}"}]}, {"encryption_specification.kms_key_identifier": ["aws_kms_key.k"]})])
}

test_customer_type_without_key_fails if {
	k.summary(rule.deny) == {[
		"aws-keyspaces-cmk", "test/aws_keyspaces_table.orders",
		"Keyspaces table aws_keyspaces_table.orders names no customer-managed encryption_specification.kms_key_identifier, but it is not classified as holding no personal information",
	]} with input as t.with_index([table({"encryption_specification": [{"type": "CUSTOMER_MANAGED_KMS_KEY", "kms_key_identifier": "alias/aws/cassandra"}]}, {})])
}

test_non_pii_table_passes if {
	count(rule.deny) == 0 with input as t.with_index([k.tagged(table({}, {}), {"data-classification": "internal"})])
}

test_unknown_fails if {
	k.summary(rule.deny) == {[
		"aws-keyspaces-cmk", "test/aws_keyspaces_table.orders",
		"Keyspaces table aws_keyspaces_table.orders has encryption_specification.type unknown before apply; the key it is encrypted with cannot be verified",
	]} with input as t.with_index([table({"encryption_specification": [{"type": "${var.kind}"}]}, {})])
	k.summary(rule.deny) == {[
		"aws-keyspaces-cmk", "test/aws_keyspaces_table.orders",
		"Keyspaces table aws_keyspaces_table.orders has encryption_specification.kms_key_identifier unknown before apply; the key it is encrypted with cannot be verified",
	]} with input as t.with_index([table({"encryption_specification": [{"type": "CUSTOMER_MANAGED_KMS_KEY", "kms_key_identifier": "${var.key}"}]}, {})])
}
