package leakguard.rules.aws.kms.grant_foreign_principal_test

import data.leakguard.rules.aws.kms.grant_foreign_principal as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

key_arn := "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

grant(grantee, refs) := t.resource(
	"aws_kms_grant.partner", {
		"name": "partner",
		"key_id": key_arn,
		"grantee_principal": grantee,
		"operations": ["GenerateDataKey", "Decrypt"],
	},
	refs,
)

failing_input := t.with_index([grant("arn:aws:iam::999988887777:role/partner-reader", {})])

test_foreign_grantee_fails if {
	k.summary(rule.deny) == {["aws-kms-grant-foreign", "test/aws_kms_grant.partner", sprintf("aws_kms_grant.partner gives arn:aws:iam::999988887777:role/partner-reader Decrypt, GenerateDataKey on key %s; account 999988887777 is not a configured account", [key_arn])]} with input as failing_input
	k.summary(rule.deny) == {["aws-kms-grant-foreign", "test/aws_kms_grant.partner", sprintf("aws_kms_grant.partner gives 999988887777 Decrypt, GenerateDataKey on key %s; account 999988887777 is not a configured account", [key_arn])]} with input as t.with_index([grant("999988887777", {})])
}

test_configured_accounts_pass if {
	count(rule.deny) == 0 with input as t.with_index([grant("arn:aws:iam::111122223333:role/ingest", {})]) with data.config as {"environment_accounts": {"prod": ["111122223333"]}}
	count(rule.deny) == 0 with input as t.with_index([grant("arn:aws:iam::444455556666:role/analytics", {})]) with data.config as {"trusted_account_ids": ["444455556666"]}
}

test_role_in_the_input_and_services_pass if {
	role := t.resource("aws_iam_role.ingest", {"name": "shop-ingest"}, {})
	count(rule.deny) == 0 with input as t.with_index([role, grant("${aws_iam_role.ingest.arn}", {"grantee_principal": ["aws_iam_role.ingest"]})])
	count(rule.deny) == 0 with input as t.with_index([grant("logs.us-west-2.amazonaws.com", {})])
}

test_unreadable_grantee_fails if {
	msg := sprintf("aws_kms_grant.partner gives a grantee not readable before apply Decrypt, GenerateDataKey on key %s; it cannot be shown to stay within the configured accounts", [key_arn])
	k.summary(rule.deny) == {["aws-kms-grant-foreign", "test/aws_kms_grant.partner", msg]} with input as t.with_index([grant("${var.partner_role}", {})])

	# A reference to something the input does not hold (another stack's role).
	k.summary(rule.deny) == {["aws-kms-grant-foreign", "test/aws_kms_grant.partner", msg]} with input as t.with_index([grant("${aws_iam_role.elsewhere.arn}", {"grantee_principal": ["aws_iam_role.elsewhere"]})])
}

test_grantee_without_an_account_fails if {
	k.summary(rule.deny) == {["aws-kms-grant-foreign", "test/aws_kms_grant.partner", sprintf("aws_kms_grant.partner gives partner-reader Decrypt, GenerateDataKey on key %s; it names no account, so it cannot be shown to stay within the configured accounts", [key_arn])]} with input as t.with_index([grant("partner-reader", {})])
}

# Built from a reference, yet shown: judged by its account (a template around a role's name).
test_foreign_grantee_built_from_a_reference_fails if {
	role := t.resource("aws_iam_role.x", {"name": "x"}, {})
	g := grant("arn:aws:iam::999988887777:role/x", {"grantee_principal": ["aws_iam_role.x"]})
	count(rule.deny) == 1 with input as t.with_index([role, g])
}

# Only apply knows it, and it refers to something that is not an identity (an echo of any input).
test_unknown_grantee_from_a_non_identity_fails if {
	echo := t.resource("terraform_data.grantee", {"input": "arn:aws:iam::999988887777:role/x"}, {})
	g := k.unknown(grant(null, {"grantee_principal": ["terraform_data.grantee"]}), ["grantee_principal"])
	count(rule.deny) == 1 with input as t.with_index([echo, g])
}
