package leakguard.rules.aws.iam.permissions_boundary_test

import data.leakguard.rules.aws.iam.permissions_boundary as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

role(values) := t.resource("aws_iam_role.app", object.union({"name": "checkout-app"}, values), {})

failing_input := t.with_index([role({})])

test_role_without_boundary_fails if {
	k.summary(rule.deny) == {["aws-iam-permissions-boundary", "test/aws_iam_role.app", "IAM role aws_iam_role.app has no permissions boundary"]} with input as failing_input
}

test_boundary_passes if {
	count(rule.deny) == 0 with input as t.with_index([role({"permissions_boundary": "arn:aws:iam::111122223333:policy/boundary"})])
}

test_unknown_boundary_from_reference_passes if {
	r := object.union(k.unknown(role({}), ["permissions_boundary"]), {"references": {"permissions_boundary": ["test/aws_iam_policy.b"]}})
	count(rule.deny) == 0 with input as t.with_index([r])
}

test_exemptions_and_switch if {
	count(rule.deny) == 0 with input as failing_input with data.config as {"permissions_boundary_exempt_roles": ["checkout-*"]}
	count(rule.deny) == 0 with input as failing_input with data.config as {"require_permissions_boundary": false}
}
