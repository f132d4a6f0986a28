# Seed mistake: the instance is publicly accessible.
# Expect: aws_db_instance.orders
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

resource "aws_db_instance" "orders" {
  identifier                  = "orders"
  engine                      = "postgres"
  engine_version              = "16.3"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  username                    = "orders_admin"
  manage_master_user_password = true
  db_subnet_group_name        = "shop-private"
  storage_encrypted           = true
  kms_key_id                  = "arn:aws:kms:us-west-2:111111111111:key/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
  backup_retention_period     = 14
  deletion_protection         = true
  publicly_accessible         = true
}
