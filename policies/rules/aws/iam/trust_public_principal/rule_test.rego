package leakguard.rules.aws.iam.trust_public_principal_test

import data.leakguard.rules.aws.iam.trust_public_principal as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

role(principal) := t.resource("aws_iam_role.app", {"name": "app", "assume_role_policy": json.marshal({"Statement": [{"Effect": "Allow", "Principal": principal, "Action": "sts:AssumeRole"}]})}, {})

failing_input := t.with_index([role({"AWS": "*"})])

test_aws_star_fails if {
	k.summary(rule.deny) == {[
		"aws-iam-trust-public-principal", "test/aws_iam_role.app",
		"aws_iam_role.app can be assumed by every AWS principal (trust policy Principal \"*\")",
	]} with input as failing_input
}

test_star_fails if {
	count(rule.deny) == 1 with input as t.with_index([role("*")])
}

test_service_principal_passes if {
	count(rule.deny) == 0 with input as t.with_index([role({"Service": "lambda.amazonaws.com"})])
}

test_allow_with_not_principal_fails if {
	doc := {"Statement": [{"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:role/ci"}, "Action": "sts:AssumeRole"}]}
	r := t.resource("aws_iam_role.app", {"name": "app", "assume_role_policy": json.marshal(doc)}, {})
	k.summary(rule.deny) == {[
		"aws-iam-trust-public-principal", "test/aws_iam_role.app",
		"aws_iam_role.app can be assumed by every AWS principal but those its trust policy's NotPrincipal names",
	]} with input as t.with_index([r])
}
