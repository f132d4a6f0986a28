package leakguard.rules.aws.iam.passrole_wildcard_test

import data.leakguard.rules.aws.iam.passrole_wildcard as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

doc(statements) := json.marshal({"Version": "2012-10-17", "Statement": statements})

failing_input := t.with_index([t.resource("aws_iam_role_policy.deployer", {"policy": doc([{"Effect": "Allow", "Action": ["iam:PassRole", "lambda:CreateFunction"], "Resource": "*"}])}, {})])

test_passrole_on_star_fails if {
	k.summary(rule.deny) == {[
		"aws-iam-passrole-wildcard", "test/aws_iam_role_policy.deployer",
		"aws_iam_role_policy.deployer allows iam:passrole on Resource \"*\", which escalates to any role or user",
	]} with input as failing_input
}

test_passrole_glob_fails if {
	p := t.resource("aws_iam_policy.p", {"policy": doc([{"Effect": "Allow", "Action": "iam:Pass*", "Resource": "*"}])}, {})
	count(rule.deny) == 1 with input as t.with_index([p])
}

# Every role of every account, written as an ARN, is every role.
test_passrole_on_every_role_arn_fails if {
	every res in ["arn:aws:iam::*:role/*", "arn:*"] {
		p := t.resource("aws_iam_policy.p", {"policy": doc([{"Effect": "Allow", "Action": "iam:PassRole", "Resource": res}])}, {})
		count(rule.deny) == 1 with input as t.with_index([p])
	}
}

# AWS reads only * and ? as wildcards: brackets, braces and backslashes are literal, and an
# action holding one names no action (glob.match read them as a glob: OPA's Go engine and its
# WebAssembly read an unbalanced one apart).
test_only_star_and_question_mark_are_wildcards if {
	every action in ["iam:Pass[R]ole", "iam:{PassRole,x}", "iam:{PassRole", "iam:PassRol\\e", "iam:Pass[Role"] {
		p := t.resource("aws_iam_policy.p", {"policy": doc([{"Effect": "Allow", "Action": action, "Resource": "*"}])}, {})
		count(rule.deny) == 0 with input as t.with_index([p])
	}
	p := t.resource("aws_iam_policy.p", {"policy": doc([{"Effect": "Allow", "Action": "iam:Pass?ole", "Resource": "*"}])}, {})
	count(rule.deny) == 1 with input as t.with_index([p])
}

test_scoped_passrole_passes if {
	p := t.resource("aws_iam_policy.p", {"policy": doc([{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/app"}])}, {})
	count(rule.deny) == 0 with input as t.with_index([p])
}

test_full_wildcard_is_left_to_wildcard_rule if {
	p := t.resource("aws_iam_policy.p", {"policy": doc([{"Effect": "Allow", "Action": ["*", "iam:*"], "Resource": "*"}])}, {})
	count(rule.deny) == 0 with input as t.with_index([p])
}

test_login_profile_actions_on_star_fail if {
	p := t.resource("aws_iam_policy.p", {"policy": doc([{"Effect": "Allow", "Action": ["iam:UpdateLoginProfile", "iam:*LoginProfile"], "Resource": "*"}])}, {})
	k.summary(rule.deny) == {["aws-iam-passrole-wildcard", "test/aws_iam_policy.p", "aws_iam_policy.p allows iam:*loginprofile, iam:updateloginprofile on Resource \"*\", which escalates to any role or user"]} with input as t.with_index([p])
	own := t.resource("aws_iam_policy.p", {"policy": doc([{"Effect": "Allow", "Action": "iam:UpdateLoginProfile", "Resource": "arn:aws:iam::111122223333:user/${aws:username}"}])}, {})
	count(rule.deny) == 0 with input as t.with_index([own])
}

# IAM Identity Center permission sets carry identity policies too.
test_sso_permission_set_inline_policy_is_read if {
	p := t.resource("aws_ssoadmin_permission_set_inline_policy.ops", {"inline_policy": doc([{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}])}, {})
	count(rule.deny) == 1 with input as t.with_index([p])
}
