package leakguard.rules.aws.rds.backup_retention_test

import data.leakguard.rules.aws.rds.backup_retention as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

db(values) := t.resource("aws_db_instance.orders", values, {})

failing_input := t.with_index([db({"backup_retention_period": 1})])

test_short_retention_fails if {
	k.summary(rule.deny) == {["aws-rds-backup-retention", "test/aws_db_instance.orders", "aws_db_instance.orders keeps automated backups 1 days (minimum 7)"]} with input as failing_input
}

test_unset_fails if {
	k.summary(rule.deny) == {["aws-rds-backup-retention", "test/aws_db_instance.orders", "aws_db_instance.orders does not set backup_retention_period (AWS default 1 day; minimum 7)"]} with input as t.with_index([k.unknown(db({}), ["backup_retention_period"])])
}

test_enough_passes if {
	count(rule.deny) == 0 with input as t.with_index([db({"backup_retention_period": 14})])
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_rds_cluster.c", {"backup_retention_period": 35}, {})])
}

test_unknown_by_reference_fails if {
	r := object.union(k.unknown(db({}), ["backup_retention_period"]), {"references": {"backup_retention_period": ["test/aws_ssm_parameter.days"]}})
	k.summary(rule.deny) == {["aws-rds-backup-retention", "test/aws_db_instance.orders", "aws_db_instance.orders has a backup retention unknown at plan time"]} with input as t.with_index([r])
}
