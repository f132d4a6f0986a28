# Seed mistake: retention_in_days is 0 (never expire).
# Expect: aws_cloudwatch_log_group.orders
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

resource "aws_kms_key" "logs" {
  description         = "CloudWatch Logs"
  enable_key_rotation = true
}

resource "aws_cloudwatch_log_group" "orders" {
  name              = "/shop/orders"
  kms_key_id        = aws_kms_key.logs.arn
  retention_in_days = 0
}
