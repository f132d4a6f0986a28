# Seed mistake: the inline policy is built with jsonencode from a local, which cannot be read before apply.
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
      Resource = "*"
    },
  ]
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
