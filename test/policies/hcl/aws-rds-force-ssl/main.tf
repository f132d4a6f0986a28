# Seed mistake: A PostgreSQL 14 database whose custom parameter group logs connections but never sets rds.force_ssl, so clients may connect in plain text.
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

resource "aws_db_parameter_group" "orders" {
  name   = "orders-postgres14"
  family = "postgres14"

  parameter {
    name  = "log_connections"
    value = "1"
  }
}

resource "aws_db_instance" "orders" {
  identifier                  = "orders"
  engine                      = "postgres"
  engine_version              = "14.12"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  storage_encrypted           = true
  username                    = "orders_admin"
  manage_master_user_password = true
  parameter_group_name        = aws_db_parameter_group.orders.name
}
