package leakguard.rules.aws.iam.cross_environment_trust_test

import data.leakguard.rules.aws.iam.cross_environment_trust as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

cfg := {"environment_accounts": {"prod": ["111111111111"], "dev": ["222222222222"]}}

role(principal) := k.tagged(t.resource("aws_iam_role.deploy", {"name": "deploy", "assume_role_policy": json.marshal({"Statement": [{"Effect": "Allow", "Principal": {"AWS": principal}, "Action": "sts:AssumeRole"}]})}, {}), {"environment": "production"})

dev_account_trust := t.with_index([role("arn:aws:iam::222222222222:root")])

test_prod_role_trusting_dev_account_fails if {
	k.summary(rule.deny) == {[
		"aws-iam-cross-environment-trust", "test/aws_iam_role.deploy",
		"aws_iam_role.deploy in environment prod trusts account 222222222222 (dev) of another environment",
	]} with input as dev_account_trust with data.config as cfg
}

test_own_account_passes if {
	count(rule.deny) == 0 with input as t.with_index([role("arn:aws:iam::111111111111:role/ci")]) with data.config as cfg
}

test_unmapped_accounts_are_not_compared if {
	count(rule.deny) == 0 with input as dev_account_trust
}

# The dev stack defines role `ci`; the prod stack's role trusts it by ARN in an unmapped account.
failing_input := t.with_index([
	k.in_stack(t.resource("aws_iam_role.ci", {"name": "ci"}, {}), "shop-dev"),
	k.in_stack(object.union(role("arn:aws:iam::333333333333:role/ci"), {"tags": {}}), "shop-prod"),
])

test_role_defined_by_another_environment_stack_fails if {
	k.summary(rule.deny) == {
		[
			"aws-iam-cross-environment-trust", "shop-prod/aws_iam_role.deploy",
			"aws_iam_role.deploy in environment prod trusts identity ci (dev) of another environment",
		],
		[
			"aws-iam-cross-environment-trust", "shop-dev/aws_iam_role.ci",
			"aws_iam_role.ci in environment dev is trusted by aws_iam_role.deploy (prod) of another environment",
		],
	} with input as failing_input
}

test_stack_environment_map_is_used if {
	dev_ci := k.in_stack(t.resource("aws_iam_role.ci", {"name": "ci"}, {}), "sandbox-a")
	prod := k.in_stack(object.union(role("arn:aws:iam::333333333333:role/ci"), {"tags": {}}), "payments")
	count(rule.deny) == 2 with input as t.with_index([dev_ci, prod]) with data.config as {"stack_environments": {"sandbox-a": "dev", "payments": "prod"}}
	count(rule.deny) == 0 with input as t.with_index([dev_ci, prod]) with data.config as {"stack_environments": {"sandbox-a": "prod", "payments": "prod"}}
}

# The dev role's name from another resource, a variable without a value, or an interpolation:
# it could be `ci`, which the prod role trusts.
unknown_name_msg := "aws_iam_role.ci in environment dev has a name unknown at plan time; that it is not an identity aws_iam_role.deploy (prod) of another environment trusts cannot be verified"

prod_trusting_ci := k.in_stack(object.union(role("arn:aws:iam::333333333333:role/ci"), {"tags": {}}), "shop-prod")

dev_ci_unknown(values, refs, unlinked) := object.union(k.in_stack(k.unknown(t.resource("aws_iam_role.ci", values, refs), ["name"]), "shop-dev"), {"unlinked": unlinked})

test_role_name_from_another_resource_cannot_be_verified if {
	k.summary(rule.deny) == {["aws-iam-cross-environment-trust", "shop-dev/aws_iam_role.ci", unknown_name_msg]} with input as t.with_index([dev_ci_unknown({}, {"name": ["terraform_data.elsewhere"]}, []), prod_trusting_ci])
}

test_unlinked_role_name_cannot_be_verified if {
	k.summary(rule.deny) == {["aws-iam-cross-environment-trust", "shop-dev/aws_iam_role.ci", unknown_name_msg]} with input as t.with_index([dev_ci_unknown({}, {}, ["name"]), prod_trusting_ci])
}

test_interpolated_role_name_is_judged_by_its_written_parts if {
	ci := k.in_stack(t.resource("aws_iam_role.ci", {"name": "${var.prefix}ci"}, {}), "shop-dev")
	k.summary(rule.deny) == {["aws-iam-cross-environment-trust", "shop-dev/aws_iam_role.ci", unknown_name_msg]} with input as t.with_index([ci, prod_trusting_ci])
	other := k.in_stack(t.resource("aws_iam_role.ci", {"name": "${var.prefix}-web"}, {}), "shop-dev")
	count(rule.deny) == 0 with input as t.with_index([other, prod_trusting_ci])
}

test_computed_role_name_passes if {
	count(rule.deny) == 0 with input as t.with_index([k.in_stack(k.unknown(t.resource("aws_iam_role.ci", {"name_prefix": "ci"}, {}), ["name"]), "shop-dev"), prod_trusting_ci])
}

test_unknown_name_trusted_only_by_its_own_environment_passes if {
	count(rule.deny) == 0 with input as t.with_index([dev_ci_unknown({}, {}, ["name"]), k.in_stack(k.tagged(role("arn:aws:iam::333333333333:role/ci"), {"environment": "dev"}), "shop-dev")])
}

# Accounts unknown at plan time: one with an sts:ExternalId condition is judged here (without
# one, aws-iam-trust-foreign-account reports it); the role's own caller identity is not.
me := object.union(k.data_source("aws_caller_identity.current", {}), {"provider": "aws"})

other := object.union(k.data_source("aws_caller_identity.dev", {}), {"provider": "aws.dev"})

unknown_role(identity, condition) := k.tagged(
	t.resource("aws_iam_role.deploy", {"name": "deploy", "assume_role_policy": json.marshal({"Statement": [object.union({"Effect": "Allow", "Principal": {"AWS": "(known after apply)"}, "Action": "sts:AssumeRole"}, condition)]})}, {"assume_role_policy": [identity.address]}),
	{"environment": "production"},
)

external_id := {"Condition": {"StringEquals": {"sts:ExternalId": "f00dfeed"}}}

test_unknown_account_with_external_id_fails if {
	k.summary(rule.deny) == {[
		"aws-iam-cross-environment-trust", "test/aws_iam_role.deploy",
		"aws_iam_role.deploy in environment prod trusts an account unknown at plan time (from data.aws_caller_identity.dev through provider aws.dev, not aws); that it is not an account of another environment cannot be verified",
	]} with input as t.with_index([unknown_role(other, external_id), other]) with data.config as cfg
}

test_unknown_account_own_caller_identity_passes if {
	count(rule.deny) == 0 with input as t.with_index([unknown_role(me, external_id), me]) with data.config as cfg
}

test_unknown_account_without_external_id_is_the_foreign_rules if {
	count(rule.deny) == 0 with input as t.with_index([unknown_role(other, {}), other]) with data.config as cfg
}

test_unknown_account_without_other_environments_passes if {
	count(rule.deny) == 0 with input as t.with_index([unknown_role(other, external_id), other])
	count(rule.deny) == 0 with input as t.with_index([unknown_role(other, external_id), other]) with data.config as {"environment_accounts": {"prod": ["111111111111"]}}
}
