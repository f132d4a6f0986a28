# Seed mistake: A Keyspaces table of orders under its own key but without point-in-time recovery.
# Expect: aws_keyspaces_table.orders
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

resource "aws_keyspaces_keyspace" "shop" {
  name = "shop"
}

resource "aws_kms_key" "orders" {
  description         = "CMK for the orders table"
  enable_key_rotation = true
}

resource "aws_keyspaces_table" "orders" {
  keyspace_name = aws_keyspaces_keyspace.shop.name
  table_name    = "orders"

  schema_definition {
    column {
      name = "order_id"
      type = "text"
    }
    partition_key {
      name = "order_id"
    }
  }

  encryption_specification {
    type               = "CUSTOMER_MANAGED_KMS_KEY"
    kms_key_identifier = aws_kms_key.orders.arn
  }
}
