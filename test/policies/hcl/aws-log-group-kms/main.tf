# Seed mistake: the log group names no kms_key_id (CloudWatch-owned key only).
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

resource "aws_cloudwatch_log_group" "orders" {
  name              = "/shop/orders"
  retention_in_days = 365
}
