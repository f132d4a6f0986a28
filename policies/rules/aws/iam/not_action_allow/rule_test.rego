package leakguard.rules.aws.iam.not_action_allow_test

import data.leakguard.rules.aws.iam.not_action_allow as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

doc(statements) := json.marshal({"Version": "2012-10-17", "Statement": statements})

failing_input := t.with_index([t.resource("aws_iam_policy.p", {"policy": doc([{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}])}, {})])

test_allow_not_action_fails if {
	k.summary(rule.deny) == {[
		"aws-iam-not-action-allow", "test/aws_iam_policy.p",
		"aws_iam_policy.p allows every action except iam:* (Allow with NotAction)",
	]} with input as failing_input
}

test_deny_not_action_passes if {
	p := t.resource("aws_iam_policy.p", {"policy": doc([{"Effect": "Deny", "NotAction": ["s3:GetObject"], "Resource": "*"}])}, {})
	count(rule.deny) == 0 with input as t.with_index([p])
}

test_policy_document_not_actions_fail if {
	d := k.data_source("aws_iam_policy_document.p", {"statement": {"effect": "Allow", "not_actions": ["iam:*"], "resources": ["*"]}})
	p := t.resource("aws_iam_policy.p", {"policy": "${data.aws_iam_policy_document.p.json}"}, {"policy": ["data.aws_iam_policy_document.p"]})
	count(rule.deny) == 1 with input as t.with_index([d, p])
}
