# Seed mistake: the prod orders Lambda runs with the role defined for dev.
# Expect: aws_lambda_function.orders
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

data "aws_iam_policy_document" "lambda_trust" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "orders_dev" {
  name                 = "orders-dev"
  assume_role_policy   = data.aws_iam_policy_document.lambda_trust.json
  permissions_boundary = "arn:aws:iam::111111111111:policy/workload-boundary"

  tags = {
    environment = "dev"
  }
}

resource "aws_lambda_function" "orders" {
  function_name = "orders-prod"
  role          = aws_iam_role.orders_dev.arn
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  filename      = "orders.zip"

  tags = {
    environment = "prod"
  }
}
