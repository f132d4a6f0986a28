package leakguard.rules.aws.redshift.encryption_test

import data.leakguard.rules.aws.redshift.encryption as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

cluster(values) := t.resource("aws_redshift_cluster.analytics", object.union({"cluster_identifier": "analytics", "node_type": "ra3.xlplus"}, values), {})

cmk := "arn:aws:kms:us-west-2:111122223333:key/k"

failing_input := t.with_index([cluster({})])

test_unencrypted_cluster_fails if {
	k.summary(rule.deny) == {["aws-redshift-encryption", "test/aws_redshift_cluster.analytics", "Redshift cluster aws_redshift_cluster.analytics is not encrypted at rest (encrypted is not true)"]} with input as failing_input
}

test_keys if {
	count(rule.deny) == 1 with input as t.with_index([cluster({"encrypted": true})])
	count(rule.deny) == 0 with input as t.with_index([cluster({"encrypted": true, "kms_key_id": cmk})])
	ns := t.resource("aws_redshiftserverless_namespace.ns", {"namespace_name": "ns"}, {})
	k.summary(rule.deny) == {["aws-redshift-encryption", "test/aws_redshiftserverless_namespace.ns", "Redshift Serverless namespace aws_redshiftserverless_namespace.ns is encrypted with an AWS-managed key, but it is not classified as holding no personal information: set kms_key_id to a customer-managed key"]} with input as t.with_index([ns])
	count(rule.deny) == 0 with input as t.with_index([object.union(ns, {"values": {"namespace_name": "ns", "kms_key_id": cmk}})])
}

test_unknown_flag_fails if {
	count(rule.deny) == 1 with input as t.with_index([cluster({"encrypted": "${var.enc}", "kms_key_id": cmk})])
}
