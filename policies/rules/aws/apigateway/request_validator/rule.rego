# METADATA
# title: API Gateway method with a body has no request validator
# description: |
#   REST API methods that take a request body (POST, PUT, PATCH, ANY) must name a
#   request_validator_id so malformed or oversized payloads are rejected before they reach
#   code that stores customer data.
#   Unknowns: a validator id unknown at plan time but set by reference counts as set. A
#   method without a validator whose HTTP method is set but unknown at plan time is reported:
#   that it takes no request body cannot be verified.
# custom:
#   id: aws-apigw-request-validator
#   control: api-input-validation
#   cloud: aws
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Secure development and coding practices; network defences
#   remediation: |
#     Add an aws_api_gateway_request_validator (validate_request_body and parameters) and set
#     request_validator_id plus request_models on the method.
#   construct: ValidatedRestApi
#   example: |
#     resource "aws_api_gateway_request_validator" "body" {
#       rest_api_id                 = aws_api_gateway_rest_api.shop.id
#       name                        = "body-and-params"
#       validate_request_body       = true
#       validate_request_parameters = true
#     }
#
#     resource "aws_api_gateway_method" "create_order" {
#       rest_api_id          = aws_api_gateway_rest_api.shop.id
#       resource_id          = aws_api_gateway_resource.orders.id
#       http_method          = "POST"
#       authorization        = "AWS_IAM"
#       request_validator_id = aws_api_gateway_request_validator.body.id
#       request_models       = { "application/json" = aws_api_gateway_model.order.name }
#     }
package leakguard.rules.aws.apigateway.request_validator

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

body_methods := {"POST", "PUT", "PATCH", "ANY"}

deny contains finding.new(rego.metadata.chain(), m, msg) if {
	some m in resources.of_type("aws_api_gateway_method")
	upper(object.get(m.values, "http_method", "")) in body_methods
	not resources.is_set(m, "request_validator_id")
	msg := sprintf("API Gateway method %s (%s) accepts a request body without a request validator", [m.address, upper(m.values.http_method)])
}

deny contains finding.new(rego.metadata.chain(), m, msg) if {
	some m in resources.of_type("aws_api_gateway_method")
	resources.unresolved(m, "http_method")
	not resources.is_set(m, "request_validator_id")
	msg := sprintf("API Gateway method %s has an HTTP method unknown at plan time and no request validator; that it accepts no request body cannot be verified", [m.address])
}
