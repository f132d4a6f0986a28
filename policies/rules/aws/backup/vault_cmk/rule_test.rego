package leakguard.rules.aws.backup.vault_cmk_test

import data.leakguard.rules.aws.backup.vault_cmk as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

failing_input := t.with_index([t.resource("aws_backup_vault.v", {"name": "shop"}, {})])

test_no_key_fails if {
	k.summary(rule.deny) == {["aws-backup-vault-cmk", "test/aws_backup_vault.v", "Backup vault aws_backup_vault.v is not encrypted with a customer-managed KMS key"]} with input as failing_input
}

test_key_passes if {
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_backup_vault.v", {"kms_key_arn": "${aws_kms_key.k.arn}"}, {"kms_key_arn": ["aws_kms_key.k"]})])
}

test_provider_computed_key_fails if {
	count(rule.deny) == 1 with input as t.with_index([k.unknown(t.resource("aws_backup_vault.v", {"name": "shop"}, {}), ["kms_key_arn"])])
}
