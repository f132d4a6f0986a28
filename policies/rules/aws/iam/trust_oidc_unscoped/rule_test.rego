package leakguard.rules.aws.iam.trust_oidc_unscoped_test

import data.leakguard.rules.aws.iam.trust_oidc_unscoped as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

github := {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}

aud := {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}

role(principal, condition) := t.resource("aws_iam_role.deploy", {"name": "deploy", "assume_role_policy": json.marshal({"Statement": [{"Effect": "Allow", "Principal": principal, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": condition}]})}, {})

failing_input := t.with_index([role(github, object.union(aud, {"StringLike": {"token.actions.githubusercontent.com:sub": "repo:*"}}))])

test_any_repository_fails if {
	k.summary(rule.deny) == {[
		"aws-iam-trust-oidc-unscoped", "test/aws_iam_role.deploy",
		"aws_iam_role.deploy can be assumed by the workflows of every GitHub repository (trust of token.actions.githubusercontent.com without a token.actions.githubusercontent.com:sub condition naming who)",
	]} with input as failing_input
}

test_open_or_missing_subjects_fail if {
	every condition in [
		aud,
		{},
		{"StringLike": {"token.actions.githubusercontent.com:sub": "*"}},
		{"StringLike": {"token.actions.githubusercontent.com:sub": ["repo:acme/shop:*", "repo:*/*"]}},
		{"StringNotEquals": {"token.actions.githubusercontent.com:sub": "repo:acme/shop:ref:refs/heads/main"}},
		{"StringLikeIfExists": {"token.actions.githubusercontent.com:sub": "repo:acme/*"}},
	] {
		count(rule.deny) == 1 with input as t.with_index([role(github, condition)])
	}
}

test_scoped_subjects_pass if {
	every sub in ["repo:acme/shop:ref:refs/heads/main", "repo:acme/*", ["repo:acme/shop:environment:production", "repo:acme/api:*"]] {
		count(rule.deny) == 0 with input as t.with_index([role(github, object.union(aud, {"StringLike": {"token.actions.githubusercontent.com:sub": sub}}))])
	}
}

# A provider ARN set by reference: the conditions name the provider.
test_provider_by_reference_is_read_from_conditions if {
	doc := k.data_source("aws_iam_policy_document.trust", {"statement": [{
		"effect": "Allow", "actions": ["sts:AssumeRoleWithWebIdentity"],
		"principals": [{"type": "Federated", "identifiers": [null]}],
		"condition": [{"test": "StringEquals", "variable": "token.actions.githubusercontent.com:aud", "values": ["sts.amazonaws.com"]}],
	}]})
	r := t.resource("aws_iam_role.deploy", {"name": "deploy", "assume_role_policy": "${data.aws_iam_policy_document.trust.json}"}, {"assume_role_policy": ["data.aws_iam_policy_document.trust"]})
	count(rule.deny) == 1 with input as t.with_index([doc, r])
}

test_cognito_without_audience_fails if {
	cognito := {"Federated": "cognito-identity.amazonaws.com"}
	count(rule.deny) == 1 with input as t.with_index([role(cognito, {"ForAnyValue:StringLike": {"cognito-identity.amazonaws.com:amr": "authenticated"}})])
	count(rule.deny) == 0 with input as t.with_index([role(cognito, {"StringEquals": {"cognito-identity.amazonaws.com:aud": "us-west-2:12345678-1234-1234-1234-123456789012"}})])
}

test_other_principals_pass if {
	count(rule.deny) == 0 with input as t.with_index([role({"Service": "lambda.amazonaws.com"}, {})])
}
