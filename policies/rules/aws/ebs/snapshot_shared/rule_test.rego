package leakguard.rules.aws.ebs.snapshot_shared_test

import data.leakguard.rules.aws.ebs.snapshot_shared as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

permission(account) := t.resource("aws_snapshot_create_volume_permission.share", {"snapshot_id": "snap-1", "account_id": account}, {})

failing_input := t.with_index([permission("all")])

test_public_and_foreign_sharing_fail if {
	k.summary(rule.deny) == {["aws-ebs-snapshot-shared", "test/aws_snapshot_create_volume_permission.share", "aws_snapshot_create_volume_permission.share makes an EBS snapshot public (account_id all)"]} with input as failing_input
	k.summary(rule.deny) == {["aws-ebs-snapshot-shared", "test/aws_snapshot_create_volume_permission.share", "aws_snapshot_create_volume_permission.share shares an EBS snapshot with account 999988887777, which is not a configured account"]} with input as t.with_index([permission("999988887777")])
	unblocked := t.resource("aws_ebs_snapshot_block_public_access.this", {"state": "unblocked"}, {})
	k.summary(rule.deny) == {["aws-ebs-snapshot-shared", "test/aws_ebs_snapshot_block_public_access.this", "aws_ebs_snapshot_block_public_access.this lets anyone in the account make EBS snapshots public in us-west-2 (state unblocked)"]} with input as t.with_index([unblocked])
}

test_own_accounts_and_blocked_sharing_pass if {
	count(rule.deny) == 0 with input as t.with_index([permission("111122223333")]) with data.config as {"environment_accounts": {"prod": ["111122223333"]}}
	count(rule.deny) == 0 with input as t.with_index([permission("444455556666")]) with data.config as {"trusted_account_ids": ["444455556666"]}
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_ebs_snapshot_block_public_access.this", {"state": "block-all-sharing"}, {})])
}

test_unknown_account_fails if {
	k.summary(rule.deny) == {["aws-ebs-snapshot-shared", "test/aws_snapshot_create_volume_permission.share", "aws_snapshot_create_volume_permission.share shares an EBS snapshot with an account not readable before apply; it cannot be shown to stay private"]} with input as t.with_index([permission("${var.partner}")])
}
