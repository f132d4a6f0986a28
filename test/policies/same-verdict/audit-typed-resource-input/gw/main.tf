variable "rest_api" {
  type = object({
    name          = string
    id            = string
    execution_arn = string
  })
}

variable "parent_id" {
  type = string
}

variable "path_part" {
  type = string
}

variable "http_method" {
  type = string
}

variable "authorization" {
  type = string
}

resource "aws_api_gateway_resource" "this" {
  rest_api_id = var.rest_api.id
  parent_id   = var.parent_id
  path_part   = var.path_part
}

resource "aws_api_gateway_method" "this" {
  rest_api_id   = var.rest_api.id
  resource_id   = aws_api_gateway_resource.this.id
  http_method   = var.http_method
  authorization = var.authorization
}
