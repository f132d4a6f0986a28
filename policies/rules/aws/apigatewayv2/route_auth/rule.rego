# METADATA
# title: API Gateway HTTP or WebSocket route open to unauthenticated calls
# description: |
#   An API Gateway v2 route whose authorization_type is "NONE" (the default when the
#   argument is left out) answers anyone on the internet. This covers HTTP API routes
#   ("GET /orders/{id}", "$default") and the $connect route of a WebSocket API, the only
#   WebSocket route AWS lets authorize (a connection, once open, carries every message). An
#   authorizer_id without an authorization_type does not authorize: the type stays NONE.
#   OPTIONS routes (CORS preflight) pass, and so do WebSocket routes other than $connect. An
#   HTTP API made by quick create (aws_apigatewayv2_api with `target`) gets a route ($default unless route_key names another)
#   without authorization and is reported too. An endpoint the shop means to be public is
#   waived on its route.
#   Unknowns: an authorization type or route key unknown at plan time is reported (that the
#   route authenticates callers cannot be verified). A $default route whose API's protocol
#   is unknown, or which reaches no API by reference, is taken for an HTTP route. Routes an
#   OpenAPI document (JSON or YAML) defines in aws_apigatewayv2_api.body are read too
#   (lib/openapi.rego): those whose `security` names no authorizer are reported on their API.
#   A body unknown at plan time, or not an OpenAPI object in JSON or YAML, is reported: that its routes
#   authenticate callers cannot be verified.
# custom:
#   id: aws-apigwv2-route-auth
#   control: api-input-validation
#   cloud: aws
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Access controls; secure development and coding practices
#   remediation: |
#     Set authorization_type = "JWT" (HTTP APIs: a Cognito or OIDC issuer), "AWS_IAM" or
#     "CUSTOM" with authorizer_id (aws_apigatewayv2_authorizer); in an OpenAPI body, a
#     `security` requirement naming a scheme with x-amazon-apigateway-authorizer. Replace quick create
#     (`target`) with routes that authorize. Waive the route where the endpoint is public by
#     design.
#   construct: AuthorizedHttpApi
#   example: |
#     resource "aws_apigatewayv2_authorizer" "shoppers" {
#       api_id           = aws_apigatewayv2_api.shop.id
#       authorizer_type  = "JWT"
#       identity_sources = ["$request.header.Authorization"]
#       name             = "shoppers"
#       jwt_configuration {
#         audience = [aws_cognito_user_pool_client.web.id]
#         issuer   = "https://${aws_cognito_user_pool.shoppers.endpoint}"
#       }
#     }
#
#     resource "aws_apigatewayv2_route" "get_order" {
#       api_id             = aws_apigatewayv2_api.shop.id
#       route_key          = "GET /orders/{id}"
#       authorization_type = "JWT"
#       authorizer_id      = aws_apigatewayv2_authorizer.shoppers.id
#     }
package leakguard.rules.aws.apigatewayv2.route_auth

import data.leakguard.lib.finding
import data.leakguard.lib.openapi
import data.leakguard.lib.resources
import rego.v1

routes := resources.of_type("aws_apigatewayv2_route")

key_unknown(r) if resources.unknown_at(r, "route_key")

key_unknown(r) if resources.unresolved(r, "route_key")

auth_unknown(r) if resources.unknown_at(r, "authorization_type")

auth_unknown(r) if resources.unresolved(r, "authorization_type")

# Left out, the provider's default.
auth_type(r) := upper(object.get(r.values, "authorization_type", "NONE")) if is_string(object.get(r.values, "authorization_type", "NONE"))

auth_type(r) := "NONE" if r.values.authorization_type == null

# The APIs the route belongs to (by reference), all WebSocket.
websocket_api(r) if {
	apis := resources.linked_to_type(r, "api_id", "aws_apigatewayv2_api")
	count(apis) > 0
	every api in apis {
		not resources.unknown_at(api, "protocol_type")
		not resources.unresolved(api, "protocol_type")
		upper(api.values.protocol_type) == "WEBSOCKET"
	}
}

# Routes that must authorize their callers: HTTP routes but preflight, a WebSocket $connect,
# and $default unless the API is a WebSocket one (whose $default carries messages).
needs_auth(r) if key_unknown(r)

needs_auth(r) if {
	not key_unknown(r)
	k := trim_space(r.values.route_key)
	contains(k, " ")
	upper(split(k, " ")[0]) != "OPTIONS"
}

needs_auth(r) if {
	not key_unknown(r)
	r.values.route_key == "$connect"
}

needs_auth(r) if {
	not key_unknown(r)
	r.values.route_key == "$default"
	not websocket_api(r)
}

route_name(r) := sprintf("%s (%s)", [r.address, r.values.route_key]) if not key_unknown(r)

route_name(r) := sprintf("%s (route key unknown at plan time)", [r.address]) if key_unknown(r)

authorizer_note(r) := "; an authorizer_id without an authorization_type does not authorize" if resources.is_set(r, "authorizer_id")

authorizer_note(r) := "" if not resources.is_set(r, "authorizer_id")

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in routes
	needs_auth(r)
	not auth_unknown(r)
	auth_type(r) == "NONE"
	msg := sprintf("API Gateway route %s accepts unauthenticated calls (authorization_type NONE)%s", [route_name(r), authorizer_note(r)])
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in routes
	needs_auth(r)
	auth_unknown(r)
	msg := sprintf("API Gateway route %s has an authorization type unknown at plan time; that it authenticates callers cannot be verified", [route_name(r)])
}

# The route quick create makes: route_key, $default where it is left out.
quick_route(api) := api.values.route_key if {
	is_string(object.get(api.values, "route_key", null))
	not resources.unresolved(api, "route_key")
}

else := "$default"

# Quick create: `target` makes a $default route (and stage) no argument can authorize.
deny contains finding.new(rego.metadata.chain(), api, msg) if {
	some api in resources.of_type("aws_apigatewayv2_api")
	resources.is_set(api, "target")
	msg := sprintf("API Gateway HTTP API %s is made by quick create (target): its route %s accepts unauthenticated calls", [api.address, quick_route(api)])
}

# Routes an OpenAPI document in `body` defines (lib/openapi.rego).
deny contains finding.new(rego.metadata.chain(), api, msg) if {
	some api in resources.of_type("aws_apigatewayv2_api")
	resources.is_set(api, "body")
	ops := openapi.open_operations(openapi.document(api))
	count(ops) > 0
	msg := sprintf("API Gateway API %s defines routes in its OpenAPI document (body) that accept unauthenticated calls: %s", [api.address, concat(", ", ops)])
}

deny contains finding.new(rego.metadata.chain(), api, msg) if {
	some api in resources.of_type("aws_apigatewayv2_api")
	resources.is_set(api, "body")
	not openapi.document(api)
	msg := sprintf("API Gateway API %s has an OpenAPI document (body) that %s; that its routes authenticate callers cannot be verified", [api.address, openapi.why_unreadable(api)])
}
