# Seed mistake: GET /orders/{id} answers anyone (authorization NONE); the API key it requires identifies a client, it does not authenticate one. The CORS preflight beside it, the internal API's method and the catalogue's PUT (IAM, in its OpenAPI document) are right; its GET /products is reported on the API.
# Expect: aws_api_gateway_method.get_order
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

resource "aws_api_gateway_rest_api" "shop" {
  name = "shop-api"
}

resource "aws_api_gateway_resource" "order" {
  rest_api_id = aws_api_gateway_rest_api.shop.id
  parent_id   = aws_api_gateway_rest_api.shop.root_resource_id
  path_part   = "{id}"
}

resource "aws_api_gateway_method" "get_order" {
  rest_api_id      = aws_api_gateway_rest_api.shop.id
  resource_id      = aws_api_gateway_resource.order.id
  http_method      = "GET"
  authorization    = "NONE"
  api_key_required = true
}

resource "aws_api_gateway_method" "order_preflight" {
  rest_api_id   = aws_api_gateway_rest_api.shop.id
  resource_id   = aws_api_gateway_resource.order.id
  http_method   = "OPTIONS"
  authorization = "NONE"
}

resource "aws_api_gateway_rest_api" "internal" {
  name = "fulfilment-internal"
  endpoint_configuration {
    types = ["PRIVATE"]
  }
}

resource "aws_api_gateway_method" "internal_status" {
  rest_api_id   = aws_api_gateway_rest_api.internal.id
  resource_id   = aws_api_gateway_rest_api.internal.root_resource_id
  http_method   = "GET"
  authorization = "NONE"
}

# The catalogue API is defined by an OpenAPI document: its GET /products is public by design
# (a waiver would say so), its PUT /products authorizes through IAM.
resource "aws_api_gateway_rest_api" "catalogue" {
  name = "catalogue-api"
  body = file("${path.module}/catalogue.yaml")
}
