package leakguard.rules.aws.redshift.public_access_test

import data.leakguard.rules.aws.redshift.public_access as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

cluster(values) := t.resource("aws_redshift_cluster.analytics", object.union({"cluster_identifier": "analytics", "node_type": "ra3.xlplus"}, values), {})

workgroup(values) := t.resource("aws_redshiftserverless_workgroup.wg", object.union({"namespace_name": "n", "workgroup_name": "wg"}, values), {})

failing_input := t.with_index([cluster({})])

test_public_fails if {
	k.summary(rule.deny) == {["aws-redshift-public", "test/aws_redshift_cluster.analytics", "Redshift cluster aws_redshift_cluster.analytics is publicly accessible (publicly_accessible defaults to true)"]} with input as failing_input
	k.summary(rule.deny) == {["aws-redshift-public", "test/aws_redshiftserverless_workgroup.wg", "Redshift Serverless workgroup aws_redshiftserverless_workgroup.wg is publicly accessible"]} with input as t.with_index([workgroup({"publicly_accessible": true})])
}

test_private_passes if {
	count(rule.deny) == 0 with input as t.with_index([cluster({"publicly_accessible": false}), workgroup({})])
}

test_unknown_fails if {
	k.summary(rule.deny) == {["aws-redshift-public", "test/aws_redshift_cluster.analytics", "Redshift cluster aws_redshift_cluster.analytics has publicly_accessible unknown before apply"]} with input as t.with_index([cluster({"publicly_accessible": "${var.public}"})])
}
