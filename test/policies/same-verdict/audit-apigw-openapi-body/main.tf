# Audit k1 (terraform-aws-apigateway-v2 examples/complete-http): an HTTP API whose "GET /debug"
# route comes from the OpenAPI document in `body`, beside routes written as resources (one
# with an authorizer but no authorization type), and a REST API defined by a body too. The
# open operations of each body are reported on their API on every side, and the resource
# routes as they are.
provider "aws" {
  region = "eu-west-1"
}

resource "aws_apigatewayv2_api" "this" {
  name          = "ex-complete-http"
  protocol_type = "HTTP"
  body = jsonencode({
    openapi = "3.0.1"
    info    = { version = "0.0.1", title = "My awesome API" }
    paths = {
      "/debug" = {
        get = {
          operationId = "getDebug"
          responses   = { default = { description = "Default response for GET /debug" } }
          "x-amazon-apigateway-integration" = {
            type                 = "AWS_PROXY"
            httpMethod           = "GET"
            uri                  = "arn:aws:lambda:eu-west-1:123456789012:function:ex-complete-http"
            payloadFormatVersion = "2.0"
            connectionType       = "INTERNET"
          }
        }
      }
    }
  })
}

# Control: the same kind of route written as a resource is reported.
resource "aws_apigatewayv2_integration" "any" {
  api_id                 = aws_apigatewayv2_api.this.id
  integration_type       = "AWS_PROXY"
  integration_uri        = "arn:aws:lambda:eu-west-1:123456789012:function:ex-complete-http"
  payload_format_version = "2.0"
}

resource "aws_apigatewayv2_route" "any" {
  api_id    = aws_apigatewayv2_api.this.id
  route_key = "ANY /"
  target    = "integrations/${aws_apigatewayv2_integration.any.id}"
}

resource "aws_apigatewayv2_authorizer" "jwt" {
  api_id           = aws_apigatewayv2_api.this.id
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]
  name             = "cognito"

  jwt_configuration {
    audience = ["web"]
    issuer   = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123"
  }
}

resource "aws_apigatewayv2_route" "with_authorizer" {
  api_id        = aws_apigatewayv2_api.this.id
  route_key     = "GET /some-route-with-authorizer"
  authorizer_id = aws_apigatewayv2_authorizer.jwt.id
}

resource "aws_apigatewayv2_route" "jwt" {
  api_id             = aws_apigatewayv2_api.this.id
  route_key          = "GET /orders"
  authorization_type = "JWT"
  authorizer_id      = aws_apigatewayv2_authorizer.jwt.id
}

resource "aws_api_gateway_rest_api" "spec" {
  name = "orders-rest"
  body = jsonencode({
    openapi = "3.0.1"
    info    = { title = "orders", version = "1" }
    paths   = { "/orders" = { get = { responses = { "200" = { description = "ok" } } } } }
  })
}

# The HTTP API's stage writes no access log.
resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.this.id
  name        = "$default"
  auto_deploy = true
}
