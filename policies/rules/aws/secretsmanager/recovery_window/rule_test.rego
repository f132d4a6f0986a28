package leakguard.rules.aws.secretsmanager.recovery_window_test

import data.leakguard.rules.aws.secretsmanager.recovery_window as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

secret(values) := t.resource("aws_secretsmanager_secret.orders_db", object.union({"name": "orders/db"}, values), {})

test_immediate_deletion_fails if {
	k.summary(rule.deny) == {["aws-secretsmanager-recovery-window", "test/aws_secretsmanager_secret.orders_db", "Secrets Manager secret aws_secretsmanager_secret.orders_db is deleted at once (recovery_window_in_days = 0): a destroy or replacement leaves nothing to restore"]} with input as t.with_index([secret({"recovery_window_in_days": 0})])
}

test_recovery_window_passes if {
	count(rule.deny) == 0 with input as t.with_index([secret({})])
	count(rule.deny) == 0 with input as t.with_index([secret({"recovery_window_in_days": 7})])
	count(rule.deny) == 0 with input as t.with_index([secret({"recovery_window_in_days": 30})])
}

test_unknown_window_fails if {
	k.summary(rule.deny) == {["aws-secretsmanager-recovery-window", "test/aws_secretsmanager_secret.orders_db", "Secrets Manager secret aws_secretsmanager_secret.orders_db has recovery_window_in_days not readable before apply; whether a deleted secret can be restored cannot be verified"]} with input as t.with_index([secret({"recovery_window_in_days": "${var.days}"})])
}
