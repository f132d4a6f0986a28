# Seed mistake: GET /orders/{id} names the JWT authorizer but no authorization_type, which stays NONE: anyone reads any order. The POST route authorizes, and the CORS preflight route needs no caller.
# Expect: aws_apigatewayv2_route.get_order
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "us-west-2"
}

resource "aws_apigatewayv2_api" "shop" {
  name          = "shop-http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_authorizer" "shoppers" {
  api_id           = aws_apigatewayv2_api.shop.id
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]
  name             = "shoppers"

  jwt_configuration {
    audience = ["web-client"]
    issuer   = "https://cognito-idp.us-west-2.amazonaws.com/us-west-2_AbCdEf123"
  }
}

resource "aws_apigatewayv2_route" "get_order" {
  api_id        = aws_apigatewayv2_api.shop.id
  route_key     = "GET /orders/{id}"
  authorizer_id = aws_apigatewayv2_authorizer.shoppers.id
}

resource "aws_apigatewayv2_route" "create_order" {
  api_id             = aws_apigatewayv2_api.shop.id
  route_key          = "POST /orders"
  authorization_type = "JWT"
  authorizer_id      = aws_apigatewayv2_authorizer.shoppers.id
}

resource "aws_apigatewayv2_route" "orders_preflight" {
  api_id    = aws_apigatewayv2_api.shop.id
  route_key = "OPTIONS /orders/{id}"
}
