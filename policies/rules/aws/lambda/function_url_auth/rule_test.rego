package leakguard.rules.aws.lambda.function_url_auth_test

import data.leakguard.rules.aws.lambda.function_url_auth as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

url(values) := t.resource("aws_lambda_function_url.api", object.union({"function_name": "api"}, values), {})

failing_input := t.with_index([url({"authorization_type": "NONE"})])

test_none_fails if {
	k.summary(rule.deny) == {["aws-lambda-url-auth", "test/aws_lambda_function_url.api", "Lambda function URL aws_lambda_function_url.api accepts unauthenticated calls (authorization_type NONE)"]} with input as failing_input
}

test_iam_passes if {
	count(rule.deny) == 0 with input as t.with_index([url({"authorization_type": "AWS_IAM"})])
}

test_unknown_fails if {
	count(rule.deny) == 1 with input as t.with_index([k.unknown(url({}), ["authorization_type"])])
}
