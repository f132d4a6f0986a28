# Audit k1 (voathnak/test-websocket-react-app): an API passed whole to a module whose input is
# typed object({ name, id, execution_arn }). The root reads no execution_arn, so the HCL path's
# resource object lacked it and the input was "treated as unknown" with a warning. The private
# API's open GET passes and the public API's is reported, as the plan reads them.
provider "aws" {
  region = "us-west-2"
}

resource "aws_api_gateway_rest_api" "users" {
  name = "users"
  endpoint_configuration {
    types = ["PRIVATE"]
  }
}

resource "aws_api_gateway_rest_api" "public" {
  name = "public"
}

module "public_get" {
  source        = "./gw"
  rest_api      = aws_api_gateway_rest_api.public
  parent_id     = aws_api_gateway_rest_api.public.root_resource_id
  path_part     = "catalogue"
  http_method   = "GET"
  authorization = "NONE"
}

module "get_users" {
  source        = "./gw"
  rest_api      = aws_api_gateway_rest_api.users
  parent_id     = aws_api_gateway_rest_api.users.root_resource_id
  path_part     = "users"
  http_method   = "GET"
  authorization = "NONE"
}

module "signup" {
  source        = "./gw"
  rest_api      = aws_api_gateway_rest_api.users
  parent_id     = aws_api_gateway_rest_api.users.root_resource_id
  path_part     = "signup"
  http_method   = "POST"
  authorization = "AWS_IAM"
}
