package leakguard.rules.aws.apigateway.method_auth_test

import data.leakguard.rules.aws.apigateway.method_auth as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

id := "aws-apigw-method-auth"

key := "test/aws_api_gateway_method.orders"

method(values) := t.resource("aws_api_gateway_method.orders", object.union({"http_method": "GET", "authorization": "NONE"}, values), {})

# The method of an API it reaches by reference.
api_method(values, api_values) := [
	t.resource("aws_api_gateway_method.orders", object.union({"http_method": "GET", "authorization": "NONE"}, values), {"rest_api_id": ["aws_api_gateway_rest_api.shop"]}),
	t.resource("aws_api_gateway_rest_api.shop", api_values, {}),
]

failing_input := t.with_index([method({})])

open_msg := "API Gateway method aws_api_gateway_method.orders (GET) accepts unauthenticated calls (authorization NONE)"

test_unauthenticated_get_fails if {
	k.summary(rule.deny) == {[id, key, open_msg]} with input as failing_input
	k.summary(rule.deny) == {[id, key, open_msg]} with input as t.with_index([method({"authorization": "none", "http_method": "get"})])
}

test_api_key_is_not_authentication if {
	msg := concat("", [open_msg, "; its API key identifies a client but does not authenticate one"])
	k.summary(rule.deny) == {[id, key, msg]} with input as t.with_index([method({"api_key_required": true})])
}

test_authenticated_methods_pass if {
	every auth in ["AWS_IAM", "COGNITO_USER_POOLS", "CUSTOM"] {
		count(rule.deny) == 0 with input as t.with_index([method({"authorization": auth})])
	}
}

test_preflight_passes if {
	count(rule.deny) == 0 with input as t.with_index([method({"http_method": "OPTIONS"})])
}

test_private_api_passes if {
	count(rule.deny) == 0 with input as t.with_index(api_method({}, {"endpoint_configuration": [{"types": ["PRIVATE"]}]}))
}

test_public_or_unproven_api_fails if {
	every api in [
		{"endpoint_configuration": [{"types": ["REGIONAL"]}]},
		{"endpoint_configuration": [{"types": ["EDGE"]}]},
		{"endpoint_configuration": []},
		{},
	] {
		k.summary(rule.deny) == {[id, key, open_msg]} with input as t.with_index(api_method({}, api))
	}
	unknown_types := object.union(api_method({}, {"endpoint_configuration": [{}]})[1], {"unknown": ["endpoint_configuration.types"]})
	k.summary(rule.deny) == {[id, key, open_msg]} with input as t.with_index([api_method({}, {})[0], unknown_types])
}

unknown_msg(what) := sprintf("API Gateway method aws_api_gateway_method.orders %s has an authorization type unknown at plan time; that it authenticates callers cannot be verified", [what])

test_authorization_unknown_fails_unverified if {
	from_resource := object.union(
		t.resource("aws_api_gateway_method.orders", {"http_method": "GET"}, {"authorization": ["terraform_data.auth"]}),
		{"unknown": ["authorization"]},
	)
	k.summary(rule.deny) == {[id, key, unknown_msg("(GET)")]} with input as t.with_index([from_resource])
	k.summary(rule.deny) == {[id, key, unknown_msg("(GET)")]} with input as t.with_index([method({"authorization": "${var.auth}"})])
	count(rule.deny) == 0 with input as t.with_index([method({"authorization": "${var.auth}", "http_method": "OPTIONS"})])
}

test_http_method_unknown_is_not_preflight if {
	m := object.union(method({"http_method": null}), {"unknown": ["http_method"], "unlinked": ["http_method"]})
	msg := "API Gateway method aws_api_gateway_method.orders (HTTP method unknown at plan time) accepts unauthenticated calls (authorization NONE)"
	k.summary(rule.deny) == {[id, key, msg]} with input as t.with_index([m])
	k.summary(rule.deny) == {[id, key, msg]} with input as t.with_index([method({"http_method": "${var.verb}"})])
}

body_api(body) := t.resource("aws_api_gateway_rest_api.shop", {"body": body}, {})

api_key := "test/aws_api_gateway_rest_api.shop"

body_open(ops) := sprintf("API Gateway REST API aws_api_gateway_rest_api.shop defines methods in its OpenAPI document (body) that accept unauthenticated calls: %s", [ops])

cognito := {"type": "apiKey", "name": "Authorization", "in": "header", "x-amazon-apigateway-authtype": "cognito_user_pools"}

spec(paths, extra) := json.marshal(object.union(
	{"openapi": "3.0.1", "paths": paths, "components": {"securitySchemes": {
		"cognito": cognito,
		"key": {"type": "apiKey", "name": "x-api-key", "in": "header"},
	}}},
	extra,
))

test_openapi_open_operations_are_reported if {
	paths := {
		"/debug": {"get": {"responses": {}}, "options": {"responses": {}}},
		"/orders": {"post": {"security": [{"cognito": []}]}, "x-amazon-apigateway-any-method": {"security": [{"key": []}]}},
		"/admin": {"delete": {"security": [{"cognito": []}, {}]}, "put": {"x-amazon-apigateway-auth": {"type": "NONE"}}, "patch": {"x-amazon-apigateway-auth": {"type": "AWS_IAM"}}},
		"/ops": {"get": {"security": [{"undeclared": []}]}},
	}
	k.summary(rule.deny) == {[id, api_key, body_open("ANY /orders, DELETE /admin, GET /debug, GET /ops, PUT /admin")]} with input as t.with_index([body_api(spec(paths, {}))])
}

doc_only(ops) := sprintf("API Gateway REST API aws_api_gateway_rest_api.shop leaves the authorization of methods in its OpenAPI document (body) to the document-level security, which a REST import does not apply to each method: %s; that they authenticate callers cannot be verified", [ops])

test_openapi_document_security_is_not_verified_for_rest if {
	paths := {"/orders": {"get": {}, "post": {"security": []}, "put": {"security": [{"cognito": []}]}}}
	k.summary(rule.deny) == {[id, api_key, body_open("POST /orders")], [id, api_key, doc_only("GET /orders")]} with input as t.with_index([body_api(spec(paths, {"security": [{"cognito": []}]}))])
}

test_openapi_auth_extension_counts_iam_only if {
	paths := {"/me": {"get": {"x-amazon-apigateway-auth": {"type": "authorizerCognito"}}, "put": {"x-amazon-apigateway-auth": {"type": "aws_iam"}}}}
	k.summary(rule.deny) == {[id, api_key, body_open("GET /me")]} with input as t.with_index([body_api(spec(paths, {}))])
}

test_openapi_yaml_and_swagger_are_read if {
	yaml_body := "openapi: 3.0.1\npaths:\n  /debug:\n    get:\n      responses: {}\n"
	k.summary(rule.deny) == {[id, api_key, body_open("GET /debug")]} with input as t.with_index([body_api(yaml_body)])
	swagger := json.marshal({"swagger": "2.0", "securityDefinitions": {"sigv4": {"type": "apiKey", "name": "Authorization", "in": "header", "x-amazon-apigateway-authtype": "awsSigv4"}}, "paths": {"/orders": {"get": {"security": [{"sigv4": []}]}}}})
	count(rule.deny) == 0 with input as t.with_index([body_api(swagger)])
	oidc := spec({"/me": {"get": {"security": [{"oidc": []}]}}}, {"components": {"securitySchemes": {"oidc": {"type": "openIdConnect", "openIdConnectUrl": "https://id.example.com"}}}})
	count(rule.deny) == 0 with input as t.with_index([body_api(oidc)])
}

unverified(why) := sprintf("API Gateway REST API aws_api_gateway_rest_api.shop has an OpenAPI document (body) that %s; that its methods authenticate callers cannot be verified", [why])

test_openapi_body_unreadable_is_reported_unverified if {
	from_file := object.union(t.resource("aws_api_gateway_rest_api.shop", {}, {"body": ["local_file.spec"]}), {"unknown": ["body"]})
	k.summary(rule.deny) == {[id, api_key, unverified("is unknown at plan time")]} with input as t.with_index([from_file])
	k.summary(rule.deny) == {[id, api_key, unverified("is unknown at plan time")]} with input as t.with_index([body_api("${templatefile(var.spec, {})}")])
	k.summary(rule.deny) == {[id, api_key, unverified("is not an OpenAPI object in JSON or YAML")]} with input as t.with_index([body_api("paths: [unclosed")])
	k.summary(rule.deny) == {[id, api_key, unverified("is not an OpenAPI object in JSON or YAML")]} with input as t.with_index([body_api("just text")])
}

test_openapi_private_or_absent_body_passes if {
	private := t.resource("aws_api_gateway_rest_api.shop", {"body": spec({"/debug": {"get": {}}}, {}), "endpoint_configuration": [{"types": ["PRIVATE"]}]}, {})
	count(rule.deny) == 0 with input as t.with_index([private])
	count(rule.deny) == 0 with input as t.with_index([body_api(null)])
}

# Read partly known (hcl-eval/partial.go): what only apply knows reads "(known after apply)".
# An integration's or authorizer's Lambda ARN leaves the security readable; a placeholder in
# what decides it does not.
test_openapi_placeholders_outside_security_are_read if {
	integration := {"x-amazon-apigateway-integration": {"type": "aws_proxy", "uri": "(known after apply)"}}
	lambda_auth := {"type": "apiKey", "name": "Authorization", "in": "header", "x-amazon-apigateway-authorizer": {"type": "token", "authorizerUri": "(known after apply)"}}
	paths := {"/orders": {"get": object.union(integration, {"security": [{"fn": []}]}), "post": integration}}
	doc := json.marshal({"openapi": "3.0.1", "paths": paths, "components": {"securitySchemes": {"fn": lambda_auth}}})
	k.summary(rule.deny) == {[id, api_key, body_open("POST /orders")]} with input as t.with_index([body_api(doc)])
}

test_openapi_placeholders_in_security_are_unverified if {
	why := unverified("names what decides its security with values only apply knows")
	integration := {"x-amazon-apigateway-integration": {"type": "aws_proxy", "uri": "(known after apply)"}}
	by_name := {"/orders": {"get": object.union(integration, {"security": [{"(known after apply)": []}]})}}
	k.summary(rule.deny) == {[id, api_key, why]} with input as t.with_index([body_api(spec(by_name, {}))])
	by_doc := {"/orders": {"get": integration}}
	k.summary(rule.deny) == {[id, api_key, why]} with input as t.with_index([body_api(spec(by_doc, {"security": [{"(known after apply)": []}]}))])
	by_scheme := json.marshal({"openapi": "3.0.1", "paths": {"/orders": {"get": {"security": [{"s": []}]}}}, "components": {"securitySchemes": {"s": {"type": "apiKey", "x-amazon-apigateway-authtype": "(known after apply)"}}}})
	k.summary(rule.deny) == {[id, api_key, why]} with input as t.with_index([body_api(by_scheme)])
	by_auth := {"/orders": {"get": {"x-amazon-apigateway-auth": {"type": "(known after apply)"}}}}
	k.summary(rule.deny) == {[id, api_key, why]} with input as t.with_index([body_api(spec(by_auth, {}))])
	scheme_name := json.marshal({"openapi": "3.0.1", "paths": {"/orders": {"get": {"security": [{"s": []}]}}}, "components": {"securitySchemes": {"(known after apply)": cognito}}})
	k.summary(rule.deny) == {[id, api_key, why]} with input as t.with_index([body_api(scheme_name)])

	# A scheme, its authorizer or the schemes as a whole only apply knows.
	get := {"/orders": {"get": {"security": [{"s": []}]}}}
	every doc in [
		{"openapi": "3.0.1", "paths": get, "components": {"securitySchemes": {"s": "(known after apply)"}}},
		{"openapi": "3.0.1", "paths": get, "components": {"securitySchemes": {"s": {"type": "apiKey", "x-amazon-apigateway-authorizer": "(known after apply)"}}}},
		{"openapi": "3.0.1", "paths": get, "components": {"securitySchemes": "(known after apply)"}},
		{"openapi": "3.0.1", "paths": get, "components": "(known after apply)"},
		{"swagger": "2.0", "paths": get, "securityDefinitions": "(known after apply)"},
	] {
		k.summary(rule.deny) == {[id, api_key, why]} with input as t.with_index([body_api(json.marshal(doc))])
	}
}

# A requirement list that is not a list authorizes nothing (API Gateway's import takes no
# security from it), and one that only apply knows as a whole is not verifiable.
test_openapi_security_not_a_list_is_open if {
	as_text := {"/orders": {"get": {"security": "cognito"}}}
	k.summary(rule.deny) == {[id, api_key, body_open("GET /orders")]} with input as t.with_index([body_api(spec(as_text, {}))])
	as_object := {"/orders": {"get": {"security": {"cognito": []}}}}
	k.summary(rule.deny) == {[id, api_key, body_open("GET /orders")]} with input as t.with_index([body_api(spec(as_object, {}))])
	whole := {"/orders": {"get": {"security": "(known after apply)"}}}
	k.summary(rule.deny) == {[id, api_key, unverified("names what decides its security with values only apply knows")]} with input as t.with_index([body_api(spec(whole, {}))])
}

# API Gateway's import reads the first YAML document (audit k4: a body ending with `---`).
test_openapi_first_yaml_document_is_read if {
	doc := "openapi: 3.0.1\npaths:\n  /debug:\n    get:\n      responses: {}\n"
	every body in [concat("", [doc, "---\n"]), concat("", ["---\n", doc, "---"]), concat("", [doc, "...\n"]), concat("", [doc, "--- \n/other: 1\n"])] {
		k.summary(rule.deny) == {[id, api_key, body_open("GET /debug")]} with input as t.with_index([body_api(body)])
	}
}
