# Seed mistake: the table has point-in-time recovery and a customer-managed key, but its
# eu-west-1 replica sets neither (replica PITR defaults to false; without kms_key_arn the
# replica uses the AWS-managed key).
# Expect: aws_dynamodb_table.orders
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
  description         = "orders table"
  enable_key_rotation = true
}

resource "aws_dynamodb_table" "orders" {
  name             = "orders"
  billing_mode     = "PAY_PER_REQUEST"
  hash_key         = "order_id"
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"

  attribute {
    name = "order_id"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.orders.arn
  }

  replica {
    region_name = "eu-west-1"
  }
}
