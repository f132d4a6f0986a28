package leakguard.rules.aws.keyspaces.pitr_test

import data.leakguard.rules.aws.keyspaces.pitr as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

table(values) := t.resource("aws_keyspaces_table.orders", object.union({"keyspace_name": "shop", "table_name": "orders"}, values), {})

failing_input := t.with_index([table({})])

test_default_and_disabled_fail if {
	k.summary(rule.deny) == {[
		"aws-keyspaces-pitr", "test/aws_keyspaces_table.orders",
		"Keyspaces table aws_keyspaces_table.orders has no point-in-time recovery (point_in_time_recovery.status not set: DISABLED): rows deleted or overwritten cannot be restored",
	]} with input as failing_input
	k.summary(rule.deny) == {[
		"aws-keyspaces-pitr", "test/aws_keyspaces_table.orders",
		"Keyspaces table aws_keyspaces_table.orders has no point-in-time recovery (point_in_time_recovery.status DISABLED): rows deleted or overwritten cannot be restored",
	]} with input as t.with_index([table({"point_in_time_recovery": [{"status": "DISABLED"}]})])
}

test_enabled_passes if {
	count(rule.deny) == 0 with input as t.with_index([table({"point_in_time_recovery": [{"status": "ENABLED"}]})])
}

test_unknown_fails if {
	k.summary(rule.deny) == {[
		"aws-keyspaces-pitr", "test/aws_keyspaces_table.orders",
		"Keyspaces table aws_keyspaces_table.orders has point_in_time_recovery.status unknown before apply; whether it can be restored cannot be verified",
	]} with input as t.with_index([table({"point_in_time_recovery": [{"status": "${var.pitr}"}]})])
}
