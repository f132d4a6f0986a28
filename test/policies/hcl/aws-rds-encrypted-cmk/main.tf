# Seed mistake: storage is encrypted but with no kms_key_id (AWS-managed aws/rds key).
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
  backup_retention_period     = 14
  deletion_protection         = true
}
