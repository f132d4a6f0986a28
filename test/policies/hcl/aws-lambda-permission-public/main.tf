# Seed mistake: every AWS account may invoke the function (principal "*", no source_arn,
# source_account or principal_org_id).
# Expect: aws_lambda_permission.anyone
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

resource "aws_iam_role" "orders" {
  name                 = "orders-api"
  permissions_boundary = "arn:aws:iam::111111111111:policy/workload-boundary"
  assume_role_policy   = <<-JSON
    {"Version": "2012-10-17", "Statement": [{
      "Effect": "Allow", "Action": "sts:AssumeRole",
      "Principal": {"Service": "lambda.amazonaws.com"}
    }]}
  JSON
}

resource "aws_lambda_function" "orders" {
  function_name = "orders-api"
  role          = aws_iam_role.orders.arn
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  filename      = "orders.zip"
}

resource "aws_lambda_permission" "anyone" {
  statement_id  = "AllowAnyone"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.orders.function_name
  principal     = "*"
}
