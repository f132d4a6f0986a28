# Seed mistake: the orders log group is classified pii but has no data-protection (masking) policy.
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
  retention_in_days = 365
  kms_key_id        = aws_kms_key.logs.arn

  tags = {
    "data-classification" = "pii"
    owner                 = "orders-team"
    environment           = "prod"
  }
}
