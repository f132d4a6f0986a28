package leakguard.rules.aws.rds.public_access_test

import data.leakguard.rules.aws.rds.public_access as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

db(values) := t.resource("aws_db_instance.orders", values, {})

failing_input := t.with_index([db({"publicly_accessible": true})])

test_public_fails if {
	k.summary(rule.deny) == {["aws-rds-public", "test/aws_db_instance.orders", "RDS instance aws_db_instance.orders is publicly accessible"]} with input as failing_input
}

test_private_and_default_pass if {
	count(rule.deny) == 0 with input as t.with_index([db({"publicly_accessible": false})])
	count(rule.deny) == 0 with input as t.with_index([db({})])
}

test_unknown_fails if {
	count(rule.deny) == 1 with input as t.with_index([k.unknown(db({}), ["publicly_accessible"])])
}

test_public_aurora_cluster_instance_fails if {
	k.summary(rule.deny) == {["aws-rds-public", "test/aws_rds_cluster_instance.writer", "RDS instance aws_rds_cluster_instance.writer is publicly accessible"]} with input as t.with_index([t.resource("aws_rds_cluster_instance.writer", {"publicly_accessible": true}, {})])
}
