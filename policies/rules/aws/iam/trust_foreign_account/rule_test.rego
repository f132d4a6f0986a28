package leakguard.rules.aws.iam.trust_foreign_account_test

import data.leakguard.rules.aws.iam.trust_foreign_account as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

role(principal, condition) := t.resource("aws_iam_role.vendor", {"name": "vendor", "assume_role_policy": json.marshal({"Statement": [object.union({"Effect": "Allow", "Principal": {"AWS": principal}, "Action": "sts:AssumeRole"}, condition)]})}, {})

failing_input := t.with_index([role("arn:aws:iam::999988887777:root", {})])

test_foreign_account_without_external_id_fails if {
	k.summary(rule.deny) == {[
		"aws-iam-trust-foreign-account", "test/aws_iam_role.vendor",
		"aws_iam_role.vendor trusts account 999988887777, which is not a configured account, without an sts:ExternalId condition",
	]} with input as failing_input
}

test_bare_account_id_fails if {
	count(rule.deny) == 1 with input as t.with_index([role(["999988887777"], {})])
}

test_external_id_passes if {
	count(rule.deny) == 0 with input as t.with_index([role("arn:aws:iam::999988887777:root", {"Condition": {"StringEquals": {"sts:ExternalId": "f00dfeed"}}})])
}

test_configured_accounts_pass if {
	count(rule.deny) == 0 with input as failing_input with data.config as {"trusted_account_ids": ["999988887777"]}
	count(rule.deny) == 0 with input as failing_input with data.config as {"environment_accounts": {"prod": ["999988887777"]}}
}

test_interpolated_account_is_not_attributed if {
	count(rule.deny) == 0 with input as t.with_index([role("arn:aws:iam::${data.aws_caller_identity.current.account_id}:root", {})])
}

test_empty_or_wildcard_external_id_fails if {
	every id in ["", "*", ["", "**"]] {
		count(rule.deny) == 1 with input as t.with_index([role("arn:aws:iam::999988887777:root", {"Condition": {"StringLike": {"sts:ExternalId": id}}})])
	}
}
