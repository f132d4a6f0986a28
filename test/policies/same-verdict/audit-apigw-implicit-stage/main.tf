# Audit j3: a deployment's stage_name (deprecated) makes a stage that no aws_api_gateway_stage
# manages, so it has no access logs and no WAF association can refer to it; the stage rules
# only looked at aws_api_gateway_stage and passed in silence. The orders API is deployed that
# way and reported; the catalogue API's deployment points a stage its configuration manages.
provider "aws" {
  region = "us-west-2"
}

resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}

resource "aws_api_gateway_method" "orders" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_rest_api.orders.root_resource_id
  http_method   = "GET"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_integration" "orders" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  resource_id = aws_api_gateway_rest_api.orders.root_resource_id
  http_method = aws_api_gateway_method.orders.http_method
  type        = "MOCK"
}

resource "aws_api_gateway_deployment" "orders" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = "prod"
  depends_on  = [aws_api_gateway_integration.orders]
}

resource "aws_api_gateway_rest_api" "catalogue" {
  name = "catalogue"
}

resource "aws_api_gateway_method" "catalogue" {
  rest_api_id   = aws_api_gateway_rest_api.catalogue.id
  resource_id   = aws_api_gateway_rest_api.catalogue.root_resource_id
  http_method   = "GET"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_integration" "catalogue" {
  rest_api_id = aws_api_gateway_rest_api.catalogue.id
  resource_id = aws_api_gateway_rest_api.catalogue.root_resource_id
  http_method = aws_api_gateway_method.catalogue.http_method
  type        = "MOCK"
}

resource "aws_api_gateway_deployment" "catalogue" {
  rest_api_id = aws_api_gateway_rest_api.catalogue.id
  stage_name  = "v1"
  depends_on  = [aws_api_gateway_integration.catalogue]
}

resource "aws_cloudwatch_log_group" "catalogue" {
  name              = "/aws/apigateway/catalogue/v1"
  retention_in_days = 90
}

resource "aws_api_gateway_stage" "v1" {
  rest_api_id   = aws_api_gateway_rest_api.catalogue.id
  deployment_id = aws_api_gateway_deployment.catalogue.id
  stage_name    = "v1"

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.catalogue.arn
    format          = "$context.requestId"
  }
}
