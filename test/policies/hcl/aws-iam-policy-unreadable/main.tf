# Seed mistake: the inline policy's expiry is computed with timestamp(), which only apply knows,
# so the policy cannot be read before apply (the table's ARN alone would read as known after apply).
# Expect: aws_iam_role_policy.app
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

locals {
  statements = [
    {
      Effect   = "Allow"
      Action   = ["dynamodb:GetItem", "dynamodb:PutItem"]
      Resource = aws_dynamodb_table.orders.arn
      Condition = {
        DateLessThan = { "aws:CurrentTime" = timeadd(timestamp(), "720h") }
      }
    },
  ]
}

resource "aws_dynamodb_table" "orders" {
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "order_id"
  attribute {
    name = "order_id"
    type = "S"
  }
}

resource "aws_iam_role" "app" {
  name                 = "orders-api"
  permissions_boundary = "arn:aws:iam::111111111111:policy/workload-boundary"
  assume_role_policy   = <<-JSON
    {"Version": "2012-10-17", "Statement": [{
      "Effect": "Allow", "Action": "sts:AssumeRole",
      "Principal": {"Service": "lambda.amazonaws.com"}
    }]}
  JSON
}

resource "aws_iam_role_policy" "app" {
  name = "orders-api"
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = local.statements
  })
}
