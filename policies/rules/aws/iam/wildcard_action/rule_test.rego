package leakguard.rules.aws.iam.wildcard_action_test

import data.leakguard.rules.aws.iam.wildcard_action as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

doc(statements) := json.marshal({"Version": "2012-10-17", "Statement": statements})

admin := {"Effect": "Allow", "Action": "*", "Resource": "*"}

failing_input := t.with_index([t.resource("aws_iam_policy.admin", {"name": "admin", "policy": doc([admin])}, {})])

test_admin_policy_fails if {
	k.summary(rule.deny) == {[
		"aws-iam-wildcard-action", "test/aws_iam_policy.admin",
		"aws_iam_policy.admin allows * on Resource \"*\"",
	]} with input as failing_input
}

# An ARN that names every resource is Resource "*" (found by an audit of public Terraform);
# one bucket, one account's tables or one named table is not.
test_every_resource_arn_fails if {
	every res in ["arn:*", "arn:aws:*:*:*:*", "arn:aws:s3:::*", "arn:aws:s3:::*/*", "arn:aws:dynamodb:*:*:table/*"] {
		p := t.resource("aws_iam_policy.p", {"policy": doc([{"Effect": "Allow", "Action": ["*", "s3:*", "dynamodb:*"], "Resource": res}])}, {})
		count(rule.deny) == 1 with input as t.with_index([p])
	}
	p := t.resource("aws_iam_policy.p", {"policy": doc([{"Effect": "Allow", "Action": "*", "Resource": "arn:*"}])}, {})
	k.summary(rule.deny) == {["aws-iam-wildcard-action", "test/aws_iam_policy.p", "aws_iam_policy.p allows * on Resource \"arn:*\""]} with input as t.with_index([p])
	every res in ["arn:aws:s3:::orders/*", "arn:aws:s3:::orders", "arn:aws:dynamodb:us-east-1:111122223333:table/*", "arn:aws:dynamodb:*:*:table/orders"] {
		q := t.resource("aws_iam_policy.p", {"policy": doc([{"Effect": "Allow", "Action": ["s3:*", "dynamodb:*"], "Resource": res}])}, {})
		count(rule.deny) == 0 with input as t.with_index([q])
	}
}

test_service_wildcard_in_role_policy_fails if {
	p := t.resource("aws_iam_role_policy.app", {"policy": doc({"Effect": "Allow", "Action": ["s3:*", "sqs:SendMessage"], "Resource": ["*"]})}, {})
	k.summary(rule.deny) == {["aws-iam-wildcard-action", "test/aws_iam_role_policy.app", "aws_iam_role_policy.app allows s3:* on Resource \"*\""]} with input as t.with_index([p])
}

test_role_inline_policy_fails if {
	r := t.resource("aws_iam_role.app", {"inline_policy": [{"name": "all", "policy": doc([admin])}]}, {})
	k.summary(rule.deny) == {["aws-iam-wildcard-action", "test/aws_iam_role.app", "aws_iam_role.app inline policy all allows * on Resource \"*\""]} with input as t.with_index([r])
}

test_policy_document_data_source_fails if {
	d := k.data_source("aws_iam_policy_document.p", {"statement": [{"actions": ["dynamodb:*"], "resources": ["*"]}]})
	p := t.resource("aws_iam_user_policy.u", {"policy": "${data.aws_iam_policy_document.p.json}"}, {"policy": ["data.aws_iam_policy_document.p"]})
	count(rule.deny) == 1 with input as t.with_index([d, p])
}

test_scoped_actions_and_deny_pass if {
	p := t.resource(
		"aws_iam_group_policy.g", {"policy": doc([
			{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "arn:aws:s3:::shop/*"},
			{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::shop/*"},
			{"Effect": "Deny", "Action": "*", "Resource": "*"},
		])},
		{},
	)
	count(rule.deny) == 0 with input as t.with_index([p])
}

test_unknown_document_is_left_to_the_unreadable_rule if {
	p := k.unknown(t.resource("aws_iam_policy.p", {}, {"policy": ["aws_s3_bucket.b"]}), ["policy"])
	count(rule.deny) == 0 with input as t.with_index([p])
}
