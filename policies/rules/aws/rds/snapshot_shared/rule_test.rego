package leakguard.rules.aws.rds.snapshot_shared_test

import data.leakguard.rules.aws.rds.snapshot_shared as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

snapshot(accounts) := t.resource("aws_db_snapshot.orders", {"db_instance_identifier": "orders", "db_snapshot_identifier": "s", "shared_accounts": accounts}, {})

failing_input := t.with_index([snapshot(["all"])])

test_public_fails if {
	k.summary(rule.deny) == {["aws-rds-snapshot-shared", "test/aws_db_snapshot.orders", "RDS snapshot aws_db_snapshot.orders is public (shared_accounts includes all)"]} with input as failing_input
	cluster := t.resource("aws_db_cluster_snapshot.c", {"db_cluster_identifier": "c", "shared_accounts": ["all", "111122223333"]}, {})
	count(rule.deny) == 1 with input as t.with_index([cluster])
}

test_foreign_account_fails_own_accounts_pass if {
	k.summary(rule.deny) == {["aws-rds-snapshot-shared", "test/aws_db_snapshot.orders", "RDS snapshot aws_db_snapshot.orders is shared with 999988887777, not configured accounts"]} with input as t.with_index([snapshot(["111122223333", "999988887777"])]) with data.config as {"environment_accounts": {"prod": ["111122223333"]}}
	count(rule.deny) == 0 with input as t.with_index([snapshot(["111122223333"])]) with data.config as {"environment_accounts": {"prod": ["111122223333"]}}
	count(rule.deny) == 0 with input as t.with_index([snapshot([])])
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_rds_cluster_snapshot_copy.c", {}, {})])
}

test_unknown_fails if {
	k.summary(rule.deny) == {["aws-rds-snapshot-shared", "test/aws_db_snapshot_copy.dr", "RDS snapshot aws_db_snapshot_copy.dr has shared_accounts unknown before apply; it cannot be shown to stay private"]} with input as t.with_index([t.resource("aws_db_snapshot_copy.dr", {"shared_accounts": "${var.accounts}"}, {})])
}
