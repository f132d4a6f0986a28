# Seed mistake: A KMS grant lets a role in an account that is not one of ours decrypt with the orders key.
# Expect: aws_kms_grant.partner
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
  description         = "orders data"
  enable_key_rotation = true
}

resource "aws_kms_grant" "partner" {
  name              = "partner-reporting"
  key_id            = aws_kms_key.orders.key_id
  grantee_principal = "arn:aws:iam::999988887777:role/partner-reporting"
  operations        = ["Decrypt", "DescribeKey"]
}
