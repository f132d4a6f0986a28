package leakguard.rules.aws.apigateway.stage_waf_test

import data.leakguard.rules.aws.apigateway.stage_waf as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

stage := t.resource("aws_api_gateway_stage.prod", {"stage_name": "prod"}, {})

failing_input := t.with_index([stage])

test_stage_without_waf_fails if {
	k.summary(rule.deny) == {["aws-apigw-stage-waf", "test/aws_api_gateway_stage.prod", "API Gateway stage aws_api_gateway_stage.prod has no WAF web ACL associated"]} with input as failing_input
}

test_association_passes if {
	a := t.resource("aws_wafv2_web_acl_association.prod", {"resource_arn": "${aws_api_gateway_stage.prod.arn}"}, {"resource_arn": ["aws_api_gateway_stage.prod"]})
	count(rule.deny) == 0 with input as t.with_index([stage, a])
}

test_classic_regional_waf_association_passes if {
	assoc := t.resource("aws_wafregional_web_acl_association.prod", {"resource_arn": "${aws_api_gateway_stage.prod.arn}"}, {"resource_arn": ["aws_api_gateway_stage.prod"]})
	count(rule.deny) == 0 with input as t.with_index([stage, assoc])
}
