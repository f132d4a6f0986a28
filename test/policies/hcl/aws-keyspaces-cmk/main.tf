# Seed mistake: A Keyspaces table of orders left on the key AWS owns (no encryption_specification).
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

resource "aws_keyspaces_table" "orders" {
  keyspace_name = aws_keyspaces_keyspace.shop.name
  table_name    = "orders"

  schema_definition {
    column {
      name = "order_id"
      type = "text"
    }
    column {
      name = "customer_email"
      type = "text"
    }
    partition_key {
      name = "order_id"
    }
  }

  point_in_time_recovery {
    status = "ENABLED"
  }
}
