# Seed mistake: A manual RDS snapshot shared with every AWS account.
# Expect: aws_db_snapshot.orders
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

resource "aws_db_snapshot" "orders" {
  db_instance_identifier = "orders"
  db_snapshot_identifier = "orders-pre-migration"
  shared_accounts        = ["all"]
}
