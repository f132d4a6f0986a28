package leakguard.rules.aws.iam.admin_attachment_test

import data.leakguard.rules.aws.iam.admin_attachment as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

admin := "arn:aws:iam::aws:policy/AdministratorAccess"

role := t.resource("aws_iam_role.app", {"name": "checkout-app"}, {})

attachment(arn) := t.resource("aws_iam_role_policy_attachment.app", {"role": "${aws_iam_role.app.name}", "policy_arn": arn}, {"role": ["aws_iam_role.app"]})

failing_input := t.with_index([role, attachment(admin)])

test_admin_on_workload_role_fails if {
	k.summary(rule.deny) == {[
		"aws-iam-admin-attachment", "test/aws_iam_role_policy_attachment.app",
		"aws_iam_role_policy_attachment.app attaches arn:aws:iam::aws:policy/AdministratorAccess to checkout-app",
	]} with input as failing_input
}

test_read_only_policy_passes if {
	count(rule.deny) == 0 with input as t.with_index([role, attachment("arn:aws:iam::aws:policy/ReadOnlyAccess")])
}

test_break_glass_role_is_exempt if {
	count(rule.deny) == 0 with input as failing_input with data.config as {"admin_role_exemptions": ["checkout-*"]}
}

test_legacy_policy_attachment_to_users_fails if {
	a := t.resource("aws_iam_policy_attachment.all", {"users": ["alice"], "roles": ["checkout-app"], "policy_arn": admin}, {})
	k.summary(rule.deny) == {["aws-iam-admin-attachment", "test/aws_iam_policy_attachment.all", "aws_iam_policy_attachment.all attaches arn:aws:iam::aws:policy/AdministratorAccess to alice, checkout-app"]} with input as t.with_index([a])
		with data.config as {"admin_role_exemptions": ["checkout-*"]}
}

test_unknown_role_name_is_not_exempt if {
	a := k.unknown(t.resource("aws_iam_role_policy_attachment.x", {"policy_arn": admin}, {}), ["role"])
	k.summary(rule.deny) == {["aws-iam-admin-attachment", "test/aws_iam_role_policy_attachment.x", "aws_iam_role_policy_attachment.x attaches arn:aws:iam::aws:policy/AdministratorAccess to an identity whose name is unknown at plan time"]} with input as t.with_index([a])
		with data.config as {"admin_role_exemptions": ["*"]}
}

test_managed_policy_arns_on_role_fail if {
	r := t.resource("aws_iam_role.app", {"name": "app", "managed_policy_arns": [admin]}, {})
	k.summary(rule.deny) == {["aws-iam-admin-attachment", "test/aws_iam_role.app", "aws_iam_role.app attaches arn:aws:iam::aws:policy/AdministratorAccess to itself"]} with input as t.with_index([r])
}
