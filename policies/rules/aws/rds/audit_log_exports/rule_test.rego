package leakguard.rules.aws.rds.audit_log_exports_test

import data.leakguard.rules.aws.rds.audit_log_exports as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

db(values) := t.resource("aws_db_instance.orders", values, {})

failing_input := t.with_index([db({"engine": "postgres", "enabled_cloudwatch_logs_exports": ["upgrade"]})])

test_postgres_without_postgresql_log_fails if {
	k.summary(rule.deny) == {["aws-rds-audit-log-exports", "test/aws_db_instance.orders", "aws_db_instance.orders does not export its audit log (postgresql) to CloudWatch Logs"]} with input as failing_input
}

test_aurora_postgres_uses_its_own_mapping if {
	c := t.resource("aws_rds_cluster.c", {"engine": "aurora-postgresql", "enabled_cloudwatch_logs_exports": ["postgresql"]}, {})
	count(rule.deny) == 0 with input as t.with_index([c])
	m := t.resource("aws_rds_cluster.m", {"engine": "aurora-mysql"}, {})
	k.summary(rule.deny) == {["aws-rds-audit-log-exports", "test/aws_rds_cluster.m", "aws_rds_cluster.m does not export its audit log (audit) to CloudWatch Logs"]} with input as t.with_index([m])
}

test_unmapped_engine_and_cluster_member_are_skipped if {
	count(rule.deny) == 0 with input as t.with_index([db({"engine": "db2-se"})])
	count(rule.deny) == 0 with input as t.with_index([db({"engine": "aurora-mysql", "cluster_identifier": "c"})])
}

test_unknown_exports_fail if {
	k.summary(rule.deny) == {["aws-rds-audit-log-exports", "test/aws_db_instance.orders", "aws_db_instance.orders has log exports unknown at plan time"]} with input as t.with_index([k.unknown(db({"engine": "mysql"}), ["enabled_cloudwatch_logs_exports"])])
}
