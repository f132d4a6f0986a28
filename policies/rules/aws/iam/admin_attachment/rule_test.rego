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

# A policy ARN the input cannot show (from another resource, or a variable without a value).
unknown_arn(refs, unlinked) := object.union(k.unknown(t.resource("aws_iam_role_policy_attachment.app", {"role": "${aws_iam_role.app.name}"}, object.union({"role": ["aws_iam_role.app"]}, refs)), ["policy_arn"]), {"unlinked": unlinked})

unverified_msg := "aws_iam_role_policy_attachment.app attaches a policy whose ARN is unknown at plan time to checkout-app; that it is not an administrator policy cannot be verified"

test_policy_arn_from_another_resource_cannot_be_verified if {
	a := unknown_arn({"policy_arn": ["terraform_data.elsewhere"]}, [])
	k.summary(rule.deny) == {["aws-iam-admin-attachment", "test/aws_iam_role_policy_attachment.app", unverified_msg]} with input as t.with_index([role, a])
}

test_policy_arn_unlinked_cannot_be_verified if {
	a := unknown_arn({}, ["policy_arn"])
	k.summary(rule.deny) == {["aws-iam-admin-attachment", "test/aws_iam_role_policy_attachment.app", unverified_msg]} with input as t.with_index([role, a])
}

test_unknown_policy_arn_on_exempt_role_passes if {
	a := unknown_arn({}, ["policy_arn"])
	count(rule.deny) == 0 with input as t.with_index([role, a]) with data.config as {"admin_role_exemptions": ["checkout-*"]}
}

test_policy_created_here_is_left_to_the_document_rules if {
	p := t.resource("aws_iam_policy.app", {"name": "app"}, {})
	a := unknown_arn({"policy_arn": ["aws_iam_policy.app"]}, [])
	count(rule.deny) == 0 with input as t.with_index([role, p, a])
}

test_data_source_policy_is_judged_by_its_name if {
	a := unknown_arn({"policy_arn": ["data.aws_iam_policy.p"]}, [])
	admin_ds := k.data_source("aws_iam_policy.p", {"name": "AdministratorAccess"})
	k.summary(rule.deny) == {[
		"aws-iam-admin-attachment", "test/aws_iam_role_policy_attachment.app",
		"aws_iam_role_policy_attachment.app attaches arn:aws:iam::aws:policy/AdministratorAccess to checkout-app",
	]} with input as t.with_index([role, admin_ds, a])
	count(rule.deny) == 0 with input as t.with_index([role, k.data_source("aws_iam_policy.p", {"name": "ReadOnlyAccess"}), a])
}

test_managed_policy_arns_unknown_cannot_be_verified if {
	r := object.union(k.unknown(t.resource("aws_iam_role.app", {"name": "app"}, {"managed_policy_arns": ["terraform_data.elsewhere"]}), ["managed_policy_arns"]), {})
	k.summary(rule.deny) == {["aws-iam-admin-attachment", "test/aws_iam_role.app", "aws_iam_role.app attaches managed policies whose ARNs are unknown at plan time to itself; that none is an administrator policy cannot be verified"]} with input as t.with_index([r])
}

test_computed_managed_policy_arns_pass if {
	r := k.unknown(t.resource("aws_iam_role.app", {"name": "app"}, {}), ["managed_policy_arns"])
	count(rule.deny) == 0 with input as t.with_index([r])
}
