package leakguard.rules.aws.neptune.public_instance_test

import data.leakguard.rules.aws.neptune.public_instance as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

instance(values) := t.resource("aws_neptune_cluster_instance.graph", object.union({"cluster_identifier": "g", "instance_class": "db.r6g.large"}, values), {})

failing_input := t.with_index([instance({"publicly_accessible": true})])

test_public_fails if {
	k.summary(rule.deny) == {["aws-neptune-public", "test/aws_neptune_cluster_instance.graph", "Neptune instance aws_neptune_cluster_instance.graph is publicly accessible"]} with input as failing_input
}

test_private_and_default_pass if {
	count(rule.deny) == 0 with input as t.with_index([instance({"publicly_accessible": false})])
	count(rule.deny) == 0 with input as t.with_index([instance({})])
}

test_unknown_fails if {
	k.summary(rule.deny) == {["aws-neptune-public", "test/aws_neptune_cluster_instance.graph", "Neptune instance aws_neptune_cluster_instance.graph has publicly_accessible unknown before apply"]} with input as t.with_index([instance({"publicly_accessible": "${var.public}"})])
}
