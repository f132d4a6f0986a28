# METADATA
# title: API Gateway stage without access logging
# description: |
#   Access logs (access_log_settings.destination_arn) record who called which API with
#   what result; without them abuse of a data-returning endpoint cannot be traced. REST API
#   stages and HTTP or WebSocket API stages (aws_apigatewayv2_stage) alike. A stage
#   made by an aws_api_gateway_deployment's stage_name (deprecated) takes no access logging:
#   the deployment is reported, unless an aws_api_gateway_stage of the same API and name
#   manages that stage.
#   Unknowns: a stage_name unknown at plan time still makes a stage and is reported; a
#   destination unknown at plan time but set by reference counts as set.
# custom:
#   id: aws-apigw-stage-access-logs
#   control: api-input-validation
#   cloud: aws
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.82 (breach notification without unreasonable delay)
#   audit_component: Audit-log management
#   remediation: |
#     Add access_log_settings { destination_arn = aws_cloudwatch_log_group.x.arn, format = … }.
#   construct: ValidatedRestApi
#   example: |
#     resource "aws_api_gateway_stage" "prod" {
#       rest_api_id   = aws_api_gateway_rest_api.shop.id
#       deployment_id = aws_api_gateway_deployment.shop.id
#       stage_name    = "prod"
#
#       access_log_settings {
#         destination_arn = aws_cloudwatch_log_group.api_access.arn
#         format = jsonencode({
#           requestId = "$context.requestId", ip = "$context.identity.sourceIp",
#           caller    = "$context.identity.caller", status = "$context.status"
#         })
#       }
#     }
package leakguard.rules.aws.apigateway.stage_access_logs

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

logged(stage) if {
	some d in resources.values_at(stage, "access_log_settings.destination_arn")
	d != ""
}

logged(stage) if resources.references_under(stage, "access_log_settings.destination_arn")

deny contains finding.new(rego.metadata.chain(), stage, msg) if {
	some type in ["aws_api_gateway_stage", "aws_apigatewayv2_stage"]
	some stage in resources.of_type(type)
	not logged(stage)
	msg := sprintf("API Gateway stage %s has no access logging", [stage.address])
}

# A stage made by a deployment's stage_name (resources.api_implicit_stage).
deny contains finding.new(rego.metadata.chain(), d, msg) if {
	some d in resources.of_type("aws_api_gateway_deployment")
	name := resources.api_implicit_stage(d)
	msg := sprintf("API Gateway deployment %s creates stage %s through stage_name, which takes no access logging: manage the stage with aws_api_gateway_stage", [d.address, name])
}
