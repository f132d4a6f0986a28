package leakguard.rules.aws.ssm.document_public_test

import data.leakguard.rules.aws.ssm.document_public as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

document(permissions) := t.resource(
	"aws_ssm_document.runbook", {
		"name": "shop-runbook",
		"document_type": "Command",
		"content": "{\"schemaVersion\": \"2.2\", \"mainSteps\": []}",
		"permissions": permissions,
	},
	{},
)

failing_input := t.with_index([document({"type": "Share", "account_ids": "All"})])

public_message := "aws_ssm_document.runbook shares SSM document shop-runbook with every AWS account (permissions account_ids All): anyone can read and run it"

unknown_message := "aws_ssm_document.runbook has sharing permissions not readable before apply; SSM document shop-runbook cannot be shown not to be public"

test_public_document_fails if {
	k.summary(rule.deny) == {["aws-ssm-document-public", "test/aws_ssm_document.runbook", public_message]} with input as failing_input
	k.summary(rule.deny) == {["aws-ssm-document-public", "test/aws_ssm_document.runbook", public_message]} with input as t.with_index([document({"type": "Share", "account_ids": "111122223333, all"})])
}

test_unreadable_permissions_fail if {
	k.summary(rule.deny) == {["aws-ssm-document-public", "test/aws_ssm_document.runbook", unknown_message]} with input as t.with_index([document({"type": "Share", "account_ids": "${var.accounts}"})])
	k.summary(rule.deny) == {["aws-ssm-document-public", "test/aws_ssm_document.runbook", unknown_message]} with input as t.with_index([document("${local.permissions}")])
	planned := object.union(document({"type": "Share"}), {"unknown": ["permissions.account_ids"], "references": {"permissions.account_ids": ["test/aws_ssm_parameter.accounts"]}})
	k.summary(rule.deny) == {["aws-ssm-document-public", "test/aws_ssm_document.runbook", unknown_message]} with input as t.with_index([planned])
}

test_named_accounts_and_no_sharing_pass if {
	count(rule.deny) == 0 with input as t.with_index([document({"type": "Share", "account_ids": "111122223333,444455556666"})])
	count(rule.deny) == 0 with input as t.with_index([document(null)])
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_ssm_document.runbook", {"name": "shop-runbook", "document_type": "Command"}, {})])
}
