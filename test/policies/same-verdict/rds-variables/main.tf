# A database whose exposure, backups and engine come from variables, tfvars and locals.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "eu-west-1"
}

locals {
  name      = "${var.prefix}-orders"
  retention = var.environment == "prod" ? 14 : 0
  engine    = lookup(var.engines, var.environment, "postgres")
}

resource "aws_db_instance" "orders" {
  identifier                  = local.name
  engine                      = local.engine
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  username                    = "orders_admin"
  manage_master_user_password = true
  storage_encrypted           = var.encrypted
  kms_key_id                  = var.kms_key_id
  backup_retention_period     = local.retention
  deletion_protection         = var.environment == "prod"
  publicly_accessible         = var.public
  skip_final_snapshot         = true
  tags                        = merge(var.tags, { Name = local.name })
}
