# METADATA
# title: API Gateway method open to unauthenticated calls
# description: |
#   A REST API method with authorization "NONE" answers anyone on the internet: the handler
#   behind it (an order lookup, a customer profile) is reachable without a caller identity,
#   and no IAM policy, Cognito user pool or Lambda authorizer stands in front of it. An API
#   key (api_key_required) identifies a client for usage plans; AWS documents that it is not
#   authentication, so it does not make the method pass. OPTIONS methods (CORS preflight,
#   which browsers send without credentials) and methods of a PRIVATE API (reachable only
#   through VPC endpoints) pass. An endpoint the shop means to be public (a product catalogue)
#   is waived on its method.
#   Unknowns: an authorization type unknown at plan time, or set from a variable HCL cannot
#   read, is reported: that the method authenticates callers cannot be verified. A method
#   whose HTTP method is unknown is not taken for OPTIONS, and an API whose endpoint types are
#   unknown, or that the method does not reach by reference, is not taken for PRIVATE.
#   Methods an OpenAPI document (JSON or YAML) defines in aws_api_gateway_rest_api.body are
#   read too (lib/openapi.rego): those whose `security` names no authorizer are reported on
#   their API. A REST import applies `security` per method, so methods only the
#   document-level `security` covers are reported as not verifiable, and so is a body unknown
#   at plan time or not an OpenAPI object in JSON or YAML.
# custom:
#   id: aws-apigw-method-auth
#   control: api-input-validation
#   cloud: aws
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Access controls; secure development and coding practices
#   remediation: |
#     Set authorization = "AWS_IAM", or "COGNITO_USER_POOLS" / "CUSTOM" with an authorizer_id
#     (aws_api_gateway_authorizer). In an OpenAPI body, give each operation a `security`
#     requirement naming a scheme with x-amazon-apigateway-authorizer (or
#     x-amazon-apigateway-auth type AWS_IAM). Waive the method where the endpoint is public by
#     design.
#   construct: ValidatedRestApi
#   example: |
#     resource "aws_api_gateway_authorizer" "shoppers" {
#       name          = "shoppers"
#       rest_api_id   = aws_api_gateway_rest_api.shop.id
#       type          = "COGNITO_USER_POOLS"
#       provider_arns = [aws_cognito_user_pool.shoppers.arn]
#     }
#
#     resource "aws_api_gateway_method" "get_order" {
#       rest_api_id   = aws_api_gateway_rest_api.shop.id
#       resource_id   = aws_api_gateway_resource.order.id
#       http_method   = "GET"
#       authorization = "COGNITO_USER_POOLS"
#       authorizer_id = aws_api_gateway_authorizer.shoppers.id
#     }
package leakguard.rules.aws.apigateway.method_auth

import data.leakguard.lib.finding
import data.leakguard.lib.openapi
import data.leakguard.lib.resources
import rego.v1

methods := resources.of_type("aws_api_gateway_method")

verb(m) := upper(m.values.http_method) if is_string(m.values.http_method)

preflight(m) if {
	not resources.unresolved(m, "http_method")
	not resources.unknown_at(m, "http_method")
	verb(m) == "OPTIONS"
}

# Every API the method belongs to (by reference) takes requests only through VPC endpoints.
private_api(m) if {
	apis := resources.linked_to_type(m, "rest_api_id", "aws_api_gateway_rest_api")
	count(apis) > 0
	every api in apis {
		only_private(api)
	}
}

only_private(api) if {
	not resources.unknown_at(api, "endpoint_configuration.types")
	not resources.unresolved(api, "endpoint_configuration.types")
	types := resources.values_at(api, "endpoint_configuration.types")
	count(types) > 0
	every ts in types {
		ts == ["PRIVATE"]
	}
}

exempt(m) if preflight(m)

exempt(m) if private_api(m)

auth_unknown(m) if resources.unknown_at(m, "authorization")

auth_unknown(m) if resources.unresolved(m, "authorization")

open(m) if {
	not auth_unknown(m)
	upper(m.values.authorization) == "NONE"
}

what(m) := sprintf("%s (%s)", [m.address, verb(m)]) if not resources.unresolved(m, "http_method")

what(m) := sprintf("%s (HTTP method unknown at plan time)", [m.address]) if resources.unresolved(m, "http_method")

what(m) := sprintf("%s (HTTP method unknown at plan time)", [m.address]) if {
	not resources.unresolved(m, "http_method")
	not verb(m)
}

key_note(m) := "; its API key identifies a client but does not authenticate one" if m.values.api_key_required == true

key_note(m) := "" if not m.values.api_key_required == true

deny contains finding.new(rego.metadata.chain(), m, msg) if {
	some m in methods
	open(m)
	not exempt(m)
	msg := sprintf("API Gateway method %s accepts unauthenticated calls (authorization NONE)%s", [what(m), key_note(m)])
}

deny contains finding.new(rego.metadata.chain(), m, msg) if {
	some m in methods
	auth_unknown(m)
	not exempt(m)
	msg := sprintf("API Gateway method %s has an authorization type unknown at plan time; that it authenticates callers cannot be verified", [what(m)])
}

# APIs (not PRIVATE) whose methods an OpenAPI document in `body` defines (lib/openapi.rego).
body_apis := [api |
	some api in resources.of_type("aws_api_gateway_rest_api")
	resources.is_set(api, "body")
	not only_private(api)
]

# Their open methods.
deny contains finding.new(rego.metadata.chain(), api, msg) if {
	some api in body_apis
	ops := openapi.open_operations(openapi.document(api))
	count(ops) > 0
	msg := sprintf("API Gateway REST API %s defines methods in its OpenAPI document (body) that accept unauthenticated calls: %s", [api.address, concat(", ", ops)])
}

deny contains finding.new(rego.metadata.chain(), api, msg) if {
	some api in body_apis
	not openapi.document(api)
	msg := sprintf("API Gateway REST API %s has an OpenAPI document (body) that %s; that its methods authenticate callers cannot be verified", [api.address, openapi.why_unreadable(api)])
}

# Methods only the document-level `security` covers: REST imports apply security per method.
deny contains finding.new(rego.metadata.chain(), api, msg) if {
	some api in body_apis
	ops := openapi.document_secured_operations(openapi.document(api))
	count(ops) > 0
	msg := sprintf("API Gateway REST API %s leaves the authorization of methods in its OpenAPI document (body) to the document-level security, which a REST import does not apply to each method: %s; that they authenticate callers cannot be verified", [api.address, concat(", ", ops)])
}
