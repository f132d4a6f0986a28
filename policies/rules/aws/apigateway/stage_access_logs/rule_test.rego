package leakguard.rules.aws.apigateway.stage_access_logs_test

import data.leakguard.rules.aws.apigateway.stage_access_logs as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

failing_input := t.with_index([t.resource("aws_api_gateway_stage.prod", {"stage_name": "prod"}, {})])

test_no_access_logs_fails if {
	k.summary(rule.deny) == {["aws-apigw-stage-access-logs", "test/aws_api_gateway_stage.prod", "API Gateway stage aws_api_gateway_stage.prod has no access logging"]} with input as failing_input
}

test_access_logs_pass if {
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_api_gateway_stage.prod", {"access_log_settings": {"destination_arn": "arn:aws:logs:us-west-2:111111111111:log-group:api", "format": "$context.requestId"}}, {})])
	s := k.unknown(t.resource("aws_api_gateway_stage.prod", {"access_log_settings": [{"format": "x"}]}, {"access_log_settings.destination_arn": ["aws_cloudwatch_log_group.api"]}), ["access_log_settings.destination_arn"])
	count(rule.deny) == 0 with input as t.with_index([s])
}
