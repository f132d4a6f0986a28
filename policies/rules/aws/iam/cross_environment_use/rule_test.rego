package leakguard.rules.aws.iam.cross_environment_use_test

import data.leakguard.rules.aws.iam.cross_environment_use as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

dev_role := k.in_stack(t.resource("aws_iam_role.shared", {"name": "shop-shared"}, {}), "shop-dev")

prod_profile := k.in_stack(t.resource("aws_iam_instance_profile.app", {"role": "shop-shared"}, {}), "shop-prod")

failing_input := t.with_index([dev_role, prod_profile])

test_prod_profile_using_dev_role_fails if {
	k.summary(rule.deny) == {[
		"aws-iam-cross-environment-use", "shop-prod/aws_iam_instance_profile.app",
		"aws_iam_instance_profile.app in environment prod uses shop-shared (dev) of another environment",
	]} with input as failing_input
}

test_lambda_role_arn_in_dev_account_fails if {
	fn := k.in_stack(t.resource("aws_lambda_function.api", {"role": "arn:aws:iam::222222222222:role/api"}, {}), "shop-prod")
	k.summary(rule.deny) == {[
		"aws-iam-cross-environment-use", "shop-prod/aws_lambda_function.api",
		"aws_lambda_function.api in environment prod uses arn:aws:iam::222222222222:role/api (dev) of another environment",
	]} with input as t.with_index([fn]) with data.config as {"environment_accounts": {"dev": ["222222222222"]}}
}

test_task_role_arn_matched_by_name_fails if {
	task := k.in_stack(t.resource("aws_ecs_task_definition.api", {"task_role_arn": "arn:aws:iam::333333333333:role/shop-shared"}, {}), "shop-prod")
	count(rule.deny) == 1 with input as t.with_index([dev_role, task])
}

test_reference_to_differently_tagged_role_fails if {
	role := k.tagged(t.resource("aws_iam_role.r", {"name": "r"}, {}), {"environment": "dev"})
	att := k.tagged(t.resource("aws_iam_role_policy_attachment.a", {"role": "${aws_iam_role.r.name}"}, {"role": ["aws_iam_role.r"]}), {"environment": "prod"})
	k.summary(rule.deny) == {[
		"aws-iam-cross-environment-use", "test/aws_iam_role_policy_attachment.a",
		"aws_iam_role_policy_attachment.a in environment prod uses aws_iam_role.r (dev) of another environment",
	]} with input as t.with_index([role, att])
}

test_same_environment_passes if {
	prod_role := k.in_stack(t.resource("aws_iam_role.shared", {"name": "shop-shared"}, {}), "shop-prod")
	count(rule.deny) == 0 with input as t.with_index([prod_role, prod_profile])
}

test_unattributable_identity_passes if {
	count(rule.deny) == 0 with input as t.with_index([prod_profile])
}

# The profile's role from another resource, or from a variable without a value: the dev stack's
# role could be the one.
unknown_role_profile(refs, unlinked) := object.union(k.in_stack(k.unknown(t.resource("aws_iam_instance_profile.app", {}, refs), ["role"]), "shop-prod"), {"unlinked": unlinked})

unverified_msg := "aws_iam_instance_profile.app in environment prod uses an identity (role) unknown at plan time; that it is not of another environment (dev) cannot be verified"

test_role_from_another_resource_cannot_be_verified if {
	k.summary(rule.deny) == {["aws-iam-cross-environment-use", "shop-prod/aws_iam_instance_profile.app", unverified_msg]} with input as t.with_index([dev_role, unknown_role_profile({"role": ["terraform_data.elsewhere"]}, [])])
}

test_unlinked_role_cannot_be_verified if {
	k.summary(rule.deny) == {["aws-iam-cross-environment-use", "shop-prod/aws_iam_instance_profile.app", unverified_msg]} with input as t.with_index([dev_role, unknown_role_profile({}, ["role"])])
}

test_unknown_role_without_other_environments_passes if {
	prod_role := k.in_stack(t.resource("aws_iam_role.shared", {"name": "shop-shared"}, {}), "shop-prod")
	count(rule.deny) == 0 with input as t.with_index([prod_role, unknown_role_profile({}, ["role"])])
}

test_unknown_role_referring_to_a_role_is_attributed if {
	prod_role := k.in_stack(t.resource("aws_iam_role.own", {"name": "own"}, {}), "shop-prod")
	count(rule.deny) == 0 with input as t.with_index([dev_role, prod_role, unknown_role_profile({"role": ["aws_iam_role.own"]}, [])])
}
