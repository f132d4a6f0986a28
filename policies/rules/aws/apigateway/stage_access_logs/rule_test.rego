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

rule_id := "aws-apigw-stage-access-logs"

what := "which takes no access logging"

# A deployment's stage_name makes a stage no aws_api_gateway_stage manages.
deployment(values) := t.resource("aws_api_gateway_deployment.shop", values, {"rest_api_id": ["aws_api_gateway_rest_api.shop"]})

managed(name, api) := t.resource("aws_api_gateway_stage.managed", {"stage_name": name, "access_log_settings": [{"destination_arn": "arn:aws:logs:us-west-2:111111111111:log-group:api", "format": "x"}]}, {"rest_api_id": [api]})

implicit_msg(name) := sprintf("API Gateway deployment aws_api_gateway_deployment.shop creates stage %s through stage_name, %s: manage the stage with aws_api_gateway_stage", [name, what])

test_implicit_stage_fails if {
	k.summary(rule.deny) == {[rule_id, "test/aws_api_gateway_deployment.shop", implicit_msg("prod")]} with input as t.with_index([deployment({"stage_name": "prod"})])
	unknown := object.union(deployment({}), {"unknown": ["stage_name"], "references": {"rest_api_id": ["test/aws_api_gateway_rest_api.shop"], "stage_name": ["test/terraform_data.env"]}})
	k.summary(rule.deny) == {[rule_id, "test/aws_api_gateway_deployment.shop", implicit_msg("(name unknown at plan time)")]} with input as t.with_index([unknown])
	k.summary(rule.deny) == {[rule_id, "test/aws_api_gateway_deployment.shop", implicit_msg("(name unknown at plan time)")]} with input as t.with_index([deployment({"stage_name": "${var.stage}"})])
}

test_implicit_stage_of_another_api_fails if {
	found := rule.deny with input as t.with_index([deployment({"stage_name": "prod"}), managed("prod", "aws_api_gateway_rest_api.other")])
	["test/aws_api_gateway_deployment.shop", implicit_msg("prod")] in {[f.resource.key, f.message] | some f in found}
}

test_managed_or_no_stage_passes if {
	found := rule.deny with input as t.with_index([deployment({"stage_name": "prod"}), managed("prod", "aws_api_gateway_rest_api.shop")])
	count({f | some f in found; f.resource.key == "test/aws_api_gateway_deployment.shop"}) == 0
	literal := t.resource("aws_api_gateway_deployment.shop", {"stage_name": "prod", "rest_api_id": "a1b2c3"}, {})
	literal_stage := t.resource("aws_api_gateway_stage.managed", {"stage_name": "prod", "rest_api_id": "a1b2c3"}, {})
	found2 := rule.deny with input as t.with_index([literal, literal_stage])
	count({f | some f in found2; f.resource.key == "test/aws_api_gateway_deployment.shop"}) == 0
	count(rule.deny) == 0 with input as t.with_index([deployment({})])
	count(rule.deny) == 0 with input as t.with_index([deployment({"stage_name": ""})])
}

test_http_api_stage_without_access_logs_fails if {
	stage := t.resource("aws_apigatewayv2_stage.default", {"name": "$default", "auto_deploy": true}, {})
	k.summary(rule.deny) == {[rule_id, "test/aws_apigatewayv2_stage.default", "API Gateway stage aws_apigatewayv2_stage.default has no access logging"]} with input as t.with_index([stage])
	logged := k.unknown(t.resource("aws_apigatewayv2_stage.default", {"name": "$default", "access_log_settings": [{"format": "x"}]}, {"access_log_settings.destination_arn": ["aws_cloudwatch_log_group.api"]}), ["access_log_settings.destination_arn"])
	count(rule.deny) == 0 with input as t.with_index([logged])
}
