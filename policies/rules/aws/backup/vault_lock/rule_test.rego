package leakguard.rules.aws.backup.vault_lock_test

import data.leakguard.rules.aws.backup.vault_lock as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

vault := t.resource("aws_backup_vault.v", {"name": "shop"}, {})

failing_input := t.with_index([vault])

test_unlocked_fails if {
	k.summary(rule.deny) == {["aws-backup-vault-lock", "test/aws_backup_vault.v", "Backup vault aws_backup_vault.v has no Vault Lock; its recovery points can be deleted"]} with input as failing_input
}

test_lock_passes if {
	count(rule.deny) == 0 with input as t.with_index([vault, t.resource("aws_backup_vault_lock_configuration.l", {"min_retention_days": 7}, {"backup_vault_name": ["aws_backup_vault.v"]})])
	count(rule.deny) == 0 with input as t.with_index([vault, t.resource("aws_backup_vault_lock_configuration.l", {"backup_vault_name": "shop"}, {})])
}
