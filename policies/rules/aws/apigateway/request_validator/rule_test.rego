package leakguard.rules.aws.apigateway.request_validator_test

import data.leakguard.rules.aws.apigateway.request_validator as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

method(values) := t.resource("aws_api_gateway_method.orders", object.union({"http_method": "POST", "authorization": "AWS_IAM"}, values), {})

failing_input := t.with_index([method({})])

test_post_without_validator_fails if {
	k.summary(rule.deny) == {["aws-apigw-request-validator", "test/aws_api_gateway_method.orders", "API Gateway method aws_api_gateway_method.orders (POST) accepts a request body without a request validator"]} with input as failing_input
}

test_validator_and_get_pass if {
	count(rule.deny) == 0 with input as t.with_index([method({"request_validator_id": "${aws_api_gateway_request_validator.v.id}"})])
	count(rule.deny) == 0 with input as t.with_index([method({"http_method": "GET"})])
}

unknown_method(how) := object.union(
	t.resource("aws_api_gateway_method.orders", {"authorization": "AWS_IAM"}, {}),
	object.union({"unknown": ["http_method"]}, how),
)

test_method_unknown_fails_unverified if {
	msg := "API Gateway method aws_api_gateway_method.orders has an HTTP method unknown at plan time and no request validator; that it accepts no request body cannot be verified"
	every how in [{"references": {"http_method": ["test/terraform_data.elsewhere"]}}, {"unlinked": ["http_method"]}] {
		k.summary(rule.deny) == {["aws-apigw-request-validator", "test/aws_api_gateway_method.orders", msg]} with input as t.with_index([unknown_method(how)])
	}
	k.summary(rule.deny) == {["aws-apigw-request-validator", "test/aws_api_gateway_method.orders", msg]} with input as t.with_index([method({"http_method": "${var.method}"})])
}

test_method_unknown_with_validator_passes if {
	m := object.union(unknown_method({"unlinked": ["http_method"]}), {"values": {"request_validator_id": "v-1"}})
	count(rule.deny) == 0 with input as t.with_index([m])
}
