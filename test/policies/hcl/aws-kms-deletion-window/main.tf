# Seed mistake: the orders key can be deleted after 7 days; this organisation requires 14 (leakguard.json).
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
  enable_key_rotation     = true
  deletion_window_in_days = 7
}
