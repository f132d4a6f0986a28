package leakguard.rules.aws.iam.policy_unreadable_test

import data.leakguard.rules.aws.iam.policy_unreadable as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

failing_input := t.with_index([t.resource("aws_iam_role_policy.app", {"policy": "${jsonencode({Statement = local.statements})}"}, {})])

test_jsonencode_policy_fails if {
	k.summary(rule.deny) == {[
		"aws-iam-policy-unreadable", "test/aws_iam_role_policy.app",
		"aws_iam_role_policy.app has a policy document that cannot be read before apply; least privilege cannot be checked",
	]} with input as failing_input
}

test_unknown_trust_and_inline_policies_fail if {
	r := k.unknown(t.resource("aws_iam_role.app", {"inline_policy": [{"name": "x", "policy": "${file(\"p.json\")}"}]}, {"assume_role_policy": ["data.aws_iam_policy_document.trust"]}), ["assume_role_policy"])
	d := object.union(k.unknown(k.data_source("aws_iam_policy_document.trust", {}), ["json", "statement"]), {})
	k.summary(rule.deny) == {
		["aws-iam-policy-unreadable", "test/aws_iam_role.app", "aws_iam_role.app has a policy document that cannot be read before apply; least privilege cannot be checked"],
		["aws-iam-policy-unreadable", "test/aws_iam_role.app", "aws_iam_role.app inline policy x has a policy document that cannot be read before apply; least privilege cannot be checked"],
	} with input as t.with_index([r, d])
}

test_literal_and_document_policies_pass if {
	d := k.data_source("aws_iam_policy_document.trust", {"statement": [{"actions": ["sts:AssumeRole"], "principals": [{"type": "Service", "identifiers": ["lambda.amazonaws.com"]}]}]})
	r := t.resource("aws_iam_role.app", {"assume_role_policy": "${data.aws_iam_policy_document.trust.json}"}, {"assume_role_policy": ["data.aws_iam_policy_document.trust"]})
	p := t.resource("aws_iam_policy.p", {"policy": json.marshal({"Statement": []})}, {})
	count(rule.deny) == 0 with input as t.with_index([d, r, p])
}

test_plan_document_with_rendered_json_passes if {
	d := k.data_source("aws_iam_policy_document.p", {"json": json.marshal({"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}), "statement": "not read"})
	p := k.unknown(t.resource("aws_iam_policy.p", {}, {"policy": ["data.aws_iam_policy_document.p"]}), ["policy"])
	count(rule.deny) == 0 with input as t.with_index([d, p])
}
