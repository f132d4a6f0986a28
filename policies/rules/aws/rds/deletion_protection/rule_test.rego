package leakguard.rules.aws.rds.deletion_protection_test

import data.leakguard.rules.aws.rds.deletion_protection as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

failing_input := t.with_index([t.resource("aws_db_instance.orders", {"deletion_protection": false}, {})])

test_off_fails if {
	k.summary(rule.deny) == {["aws-rds-deletion-protection", "test/aws_db_instance.orders", "aws_db_instance.orders can be deleted without turning off deletion protection first"]} with input as failing_input
}

test_on_passes if {
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_rds_cluster.c", {"deletion_protection": true}, {})])
}

test_unknown_fails if {
	k.summary(rule.deny) == {["aws-rds-deletion-protection", "test/aws_db_instance.orders", "aws_db_instance.orders has deletion protection unknown at plan time"]} with input as t.with_index([k.unknown(t.resource("aws_db_instance.orders", {}, {}), ["deletion_protection"])])
}
