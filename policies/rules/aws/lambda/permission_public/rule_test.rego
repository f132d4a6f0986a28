package leakguard.rules.aws.lambda.permission_public_test

import data.leakguard.rules.aws.lambda.permission_public as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

permission(values, refs) := t.resource("aws_lambda_permission.public", object.union({"action": "lambda:InvokeFunction", "function_name": "orders-api"}, values), refs)

failing_input := t.with_index([permission({"principal": "*"}, {})])

test_every_principal_fails if {
	k.summary(rule.deny) == {["aws-lambda-permission-public", "test/aws_lambda_permission.public", "Lambda permission aws_lambda_permission.public lets every principal invoke orders-api (principal \"*\" without source_arn, source_account or principal_org_id)"]} with input as failing_input

	# A function URL permission with authorization NONE is the same opening.
	count(rule.deny) == 1 with input as t.with_index([permission({"principal": "*", "action": "lambda:InvokeFunctionUrl", "function_url_auth_type": "NONE"}, {})])
}

test_named_or_restricted_callers_pass if {
	count(rule.deny) == 0 with input as t.with_index([permission({"principal": "apigateway.amazonaws.com", "source_arn": "arn:aws:execute-api:us-west-2:111122223333:a1b2c3d4e5/*/POST/orders"}, {})])
	count(rule.deny) == 0 with input as t.with_index([permission({"principal": "arn:aws:iam::111122223333:role/frontend"}, {})])
	count(rule.deny) == 0 with input as t.with_index([permission({"principal": "*", "principal_org_id": "o-a1b2c3d4e5"}, {})])
	count(rule.deny) == 0 with input as t.with_index([permission({"principal": "*", "source_account": "111122223333"}, {})])

	# A source ARN set from another resource, unknown before apply, restricts the caller.
	count(rule.deny) == 0 with input as t.with_index([k.unknown(permission({"principal": "*"}, {"source_arn": ["aws_api_gateway_rest_api.shop"]}), ["source_arn"])])
}

test_unknown_principal_fails if {
	k.summary(rule.deny) == {["aws-lambda-permission-public", "test/aws_lambda_permission.public", "Lambda permission aws_lambda_permission.public has a principal unknown at plan time; that it does not let every principal invoke orders-api cannot be verified"]} with input as t.with_index([k.unknown(permission({}, {}), ["principal"])])
	count(rule.deny) == 1 with input as t.with_index([permission({"principal": "${var.caller}"}, {})])
}

test_service_principal_without_source_fails if {
	k.summary(rule.deny) == {["aws-lambda-permission-public", "test/aws_lambda_permission.public", "Lambda permission aws_lambda_permission.public lets apigateway.amazonaws.com invoke orders-api for any account's resources (no source_arn or source_account)"]} with input as t.with_index([permission({"principal": "apigateway.amazonaws.com"}, {})])
	count(rule.deny) == 0 with input as t.with_index([permission({"principal": "s3.amazonaws.com", "source_account": "111122223333"}, {})])
}
