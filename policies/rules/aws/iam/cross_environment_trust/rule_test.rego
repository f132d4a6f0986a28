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
