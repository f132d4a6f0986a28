# IAM policies written as most people write them: jsonencode of locals, for expressions, concat.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "us-east-1"
}

locals {
  tables       = ["orders", "customers"]
  table_arns   = [for t in local.tables : "arn:aws:dynamodb:us-east-1:111111111111:table/${t}"]
  read_actions = ["dynamodb:GetItem", "dynamodb:Query"]
  admin        = true
}

resource "aws_iam_role" "api" {
  name                 = "orders-api"
  permissions_boundary = "arn:aws:iam::111111111111:policy/workload-boundary"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}

resource "aws_iam_role_policy" "least_privilege" {
  name = "read-tables"
  role = aws_iam_role.api.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = local.read_actions
      Resource = local.table_arns
    }]
  })
}

resource "aws_iam_role_policy" "wildcard" {
  name = "ops"
  role = aws_iam_role.api.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat(
      [{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::shop-reports/*" }],
      local.admin ? [{ Effect = "Allow", Action = "dynamodb:*", Resource = "*" }] : [],
    )
  })
}

resource "aws_iam_policy" "unknown_until_apply" {
  name = "bucket-writer"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:*", Resource = aws_s3_bucket.reports.arn }]
  })
}

resource "aws_s3_bucket" "reports" {
  bucket = "shop-reports"
}
