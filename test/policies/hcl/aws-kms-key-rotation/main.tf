# Seed mistake: automatic rotation is off on a symmetric customer-managed key.
# Expect: aws_kms_key.orders
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

resource "aws_kms_key" "orders" {
  description             = "orders table"
  enable_key_rotation     = false
  deletion_window_in_days = 30
}

resource "aws_kms_alias" "orders" {
  name          = "alias/orders"
  target_key_id = aws_kms_key.orders.key_id
}
