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

# A text is a policy only where it is one JSON value (lib/resources json_text): the WebAssembly
# parser had read the first of two documents, and aborted on the others.
test_text_that_only_begins_with_a_policy_fails if {
	doc := json.marshal({"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]})
	texts := [
		concat(" ", [doc, json.marshal({"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})]),
		concat("", [doc, "]"]),
		"true false",
		`{"Sid": "\ud800", "Statement": []}`,
		`{"Sid": "\\\ud83d\ude00", "Statement": []}`,
	]
	ps := [t.resource(sprintf("aws_iam_policy.p%d", [i]), {"policy": text}, {}) | some i, text in texts]
	{key | some [_, key, _] in k.summary(rule.deny)} == {p.key | some p in ps} with input as t.with_index(ps)
}

test_whole_documents_pass if {
	texts := [
		" \n{\"Statement\": []}\t\r\n",
		`{"Sid": "\ud83d\ude00", "Statement": []}`,
		`{"Sid": "\u00e9", "Statement": []}`,
	]
	ps := [t.resource(sprintf("aws_iam_policy.p%d", [i]), {"policy": text}, {}) | some i, text in texts]
	count(rule.deny) == 0 with input as t.with_index(ps)
}

# Numbers and arrays the WebAssembly parser took where Go refuses them.
test_lenient_numbers_and_arrays_fail if {
	texts := [
		`{"Statement": [], "Size": 1.}`,
		`{"Statement": [], "Size": 2.e3}`,
		`{"Statement": [], "Sizes": [0, 01]}`,
		`{"Statement": [{"Effect": "Allow"} {"Effect": "Allow", "Action": "*", "Resource": "*"}]}`,
		`{"Statement": [{"Effect": "Allow"},]}`,
	]
	ps := [t.resource(sprintf("aws_iam_policy.p%d", [i]), {"policy": text}, {}) | some i, text in texts]
	{key | some [_, key, _] in k.summary(rule.deny)} == {p.key | some p in ps} with input as t.with_index(ps)
}

test_numbers_and_commas_in_strings_pass if {
	texts := [
		`{"Statement": [], "Size": 1.5e+3, "Sizes": [0, -0.25, 3E2]}`,
		`{"Statement": [{"Sid": "a} {b, c", "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::1.example/*"}]}`,
		`{"Statement": [], "Tags": [" ", "", "x, y"]}`,
	]
	ps := [t.resource(sprintf("aws_iam_policy.p%d", [i]), {"policy": text}, {}) | some i, text in texts]
	count(rule.deny) == 0 with input as t.with_index(ps)
}
