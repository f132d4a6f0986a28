# METADATA
# title: API Gateway stage without a WAF
# description: |
#   A public REST API stage needs an aws_wafv2_web_acl_association whose resource_arn
#   refers to it, so injection payloads, known bad inputs and floods are blocked before they
#   reach handlers. A stage made by an aws_api_gateway_deployment's stage_name (deprecated)
#   is no resource an association can refer to: the deployment is reported, unless an
#   aws_api_gateway_stage of the same API and name manages that stage.
#   Unknowns: a stage_name unknown at plan time still makes a stage and is reported;
#   associations are matched by reference, so an ARN unknown at plan time is
#   still linked; an association naming the stage only by a literal ARN is not recognised.
# custom:
#   id: aws-apigw-stage-waf
#   control: api-input-validation
#   cloud: aws
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Network monitoring and defences; secure development and coding practices
#   remediation: |
#     Add aws_wafv2_web_acl_association { resource_arn = aws_api_gateway_stage.x.arn,
#     web_acl_arn = <regional web ACL with AWS managed rule groups> }.
#   construct: ValidatedRestApi
#   example: |
#     resource "aws_api_gateway_stage" "prod" {
#       rest_api_id   = aws_api_gateway_rest_api.shop.id
#       deployment_id = aws_api_gateway_deployment.shop.id
#       stage_name    = "prod"
#     }
#
#     # aws_wafv2_web_acl.api: scope = "REGIONAL", AWS managed rule groups (AWSManagedRulesCommonRuleSet,
#     # AWSManagedRulesKnownBadInputsRuleSet) and a rate-based rule.
#     resource "aws_wafv2_web_acl_association" "prod" {
#       resource_arn = aws_api_gateway_stage.prod.arn
#       web_acl_arn  = aws_wafv2_web_acl.api.arn
#     }
package leakguard.rules.aws.apigateway.stage_waf

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

# WAFv2, or the classic regional WAF still in wide use.
associated(stage) if {
	some t in ["aws_wafv2_web_acl_association", "aws_wafregional_web_acl_association"]
	count(resources.linked_from(stage, t, "resource_arn")) > 0
}

deny contains finding.new(rego.metadata.chain(), stage, msg) if {
	some stage in resources.of_type("aws_api_gateway_stage")
	not associated(stage)
	msg := sprintf("API Gateway stage %s has no WAF web ACL associated", [stage.address])
}

# A stage made by a deployment's stage_name (resources.api_implicit_stage).
deny contains finding.new(rego.metadata.chain(), d, msg) if {
	some d in resources.of_type("aws_api_gateway_deployment")
	name := resources.api_implicit_stage(d)
	msg := sprintf("API Gateway deployment %s creates stage %s through stage_name, to which no WAF web ACL association can refer: manage the stage with aws_api_gateway_stage", [d.address, name])
}
