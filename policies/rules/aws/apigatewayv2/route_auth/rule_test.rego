package leakguard.rules.aws.apigatewayv2.route_auth_test

import data.leakguard.rules.aws.apigatewayv2.route_auth as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

id := "aws-apigwv2-route-auth"

key := "test/aws_apigatewayv2_route.get_order"

route(values) := t.resource("aws_apigatewayv2_route.get_order", object.union({"route_key": "GET /orders/{id}", "authorization_type": "NONE"}, values), {})

# A route of an API it reaches by reference.
api_route(values, protocol) := [
	t.resource("aws_apigatewayv2_route.get_order", object.union({"authorization_type": "NONE"}, values), {"api_id": ["aws_apigatewayv2_api.shop"]}),
	t.resource("aws_apigatewayv2_api.shop", {"protocol_type": protocol}, {}),
]

failing_input := t.with_index([route({})])

open_msg(k) := sprintf("API Gateway route aws_apigatewayv2_route.get_order (%s) accepts unauthenticated calls (authorization_type NONE)", [k])

test_unauthenticated_http_route_fails if {
	k.summary(rule.deny) == {[id, key, open_msg("GET /orders/{id}")]} with input as failing_input
	k.summary(rule.deny) == {[id, key, open_msg("GET /orders/{id}")]} with input as t.with_index([t.resource("aws_apigatewayv2_route.get_order", {"route_key": "GET /orders/{id}"}, {})])
	k.summary(rule.deny) == {[id, key, open_msg("GET /orders/{id}")]} with input as t.with_index([route({"authorization_type": null})])
}

test_authorizer_without_type_fails if {
	msg := concat("", [open_msg("GET /orders/{id}"), "; an authorizer_id without an authorization_type does not authorize"])
	k.summary(rule.deny) == {[id, key, msg]} with input as t.with_index([route({"authorizer_id": "abc123"})])
}

test_authorized_routes_pass if {
	every auth in ["JWT", "AWS_IAM", "CUSTOM"] {
		count(rule.deny) == 0 with input as t.with_index([route({"authorization_type": auth})])
	}
}

test_preflight_passes if {
	count(rule.deny) == 0 with input as t.with_index([route({"route_key": "OPTIONS /orders/{id}"})])
}

test_default_route if {
	k.summary(rule.deny) == {[id, key, open_msg("$default")]} with input as t.with_index([route({"route_key": "$default"})])
	k.summary(rule.deny) == {[id, key, open_msg("$default")]} with input as t.with_index(api_route({"route_key": "$default"}, "HTTP"))
	count(rule.deny) == 0 with input as t.with_index(api_route({"route_key": "$default"}, "WEBSOCKET"))
	unknown_protocol := object.union(api_route({}, null)[1], {"unknown": ["protocol_type"]})
	k.summary(rule.deny) == {[id, key, open_msg("$default")]} with input as t.with_index([api_route({"route_key": "$default"}, "x")[0], unknown_protocol])
}

test_websocket_connect_needs_auth_others_cannot if {
	k.summary(rule.deny) == {[id, key, open_msg("$connect")]} with input as t.with_index(api_route({"route_key": "$connect"}, "WEBSOCKET"))
	every rk in ["$disconnect", "sendmessage"] {
		count(rule.deny) == 0 with input as t.with_index(api_route({"route_key": rk}, "WEBSOCKET"))
	}
}

unknown_msg(what) := sprintf("API Gateway route aws_apigatewayv2_route.get_order %s has an authorization type unknown at plan time; that it authenticates callers cannot be verified", [what])

test_unknowns_fail_unverified if {
	from_resource := object.union(
		t.resource("aws_apigatewayv2_route.get_order", {"route_key": "GET /orders/{id}"}, {"authorization_type": ["terraform_data.auth"]}),
		{"unknown": ["authorization_type"]},
	)
	k.summary(rule.deny) == {[id, key, unknown_msg("(GET /orders/{id})")]} with input as t.with_index([from_resource])
	k.summary(rule.deny) == {[id, key, unknown_msg("(GET /orders/{id})")]} with input as t.with_index([route({"authorization_type": "${var.auth}"})])
	key_unknown := object.union(route({"route_key": null}), {"unknown": ["route_key"], "unlinked": ["route_key"]})
	k.summary(rule.deny) == {[id, key, "API Gateway route aws_apigatewayv2_route.get_order (route key unknown at plan time) accepts unauthenticated calls (authorization_type NONE)"]} with input as t.with_index([key_unknown])
	k.summary(rule.deny) == {[id, key, "API Gateway route aws_apigatewayv2_route.get_order (route key unknown at plan time) accepts unauthenticated calls (authorization_type NONE)"]} with input as t.with_index([route({"route_key": "${var.route}"})])
}

test_quick_create_fails if {
	api := t.resource("aws_apigatewayv2_api.shop", {"protocol_type": "HTTP", "target": "arn:aws:lambda:us-west-2:111122223333:function:orders"}, {})
	k.summary(rule.deny) == {[id, "test/aws_apigatewayv2_api.shop", "API Gateway HTTP API aws_apigatewayv2_api.shop is made by quick create (target): its route $default accepts unauthenticated calls"]} with input as t.with_index([api])
	any_orders := t.resource("aws_apigatewayv2_api.shop", {"protocol_type": "HTTP", "target": "arn:aws:lambda:us-west-2:111122223333:function:orders", "route_key": "ANY /orders"}, {})
	k.summary(rule.deny) == {[id, "test/aws_apigatewayv2_api.shop", "API Gateway HTTP API aws_apigatewayv2_api.shop is made by quick create (target): its route ANY /orders accepts unauthenticated calls"]} with input as t.with_index([any_orders])
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_apigatewayv2_api.shop", {"protocol_type": "HTTP"}, {})])
}

test_openapi_body_routes if {
	body := json.marshal({"openapi": "3.0.1", "paths": {"/debug": {"get": {}}, "/orders": {"get": {"security": [{"jwt": []}]}}}, "components": {"securitySchemes": {"jwt": {"type": "oauth2", "x-amazon-apigateway-authorizer": {"type": "jwt"}}}}})
	api := t.resource("aws_apigatewayv2_api.shop", {"protocol_type": "HTTP", "body": body}, {})
	k.summary(rule.deny) == {[id, "test/aws_apigatewayv2_api.shop", "API Gateway API aws_apigatewayv2_api.shop defines routes in its OpenAPI document (body) that accept unauthenticated calls: GET /debug"]} with input as t.with_index([api])
	from_file := object.union(t.resource("aws_apigatewayv2_api.shop", {"protocol_type": "HTTP"}, {"body": ["local_file.spec"]}), {"unknown": ["body"]})
	k.summary(rule.deny) == {[id, "test/aws_apigatewayv2_api.shop", "API Gateway API aws_apigatewayv2_api.shop has an OpenAPI document (body) that is unknown at plan time; that its routes authenticate callers cannot be verified"]} with input as t.with_index([from_file])
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_apigatewayv2_api.shop", {"protocol_type": "HTTP", "body": null}, {})])
}
