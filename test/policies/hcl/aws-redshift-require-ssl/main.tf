# Seed mistake: A Redshift cluster on a custom redshift-1.0 parameter group that never sets require_ssl.
# Expect: aws_redshift_cluster.warehouse
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

resource "aws_redshift_parameter_group" "warehouse" {
  name   = "orders-warehouse"
  family = "redshift-1.0"

  parameter {
    name  = "enable_user_activity_logging"
    value = "true"
  }
}

resource "aws_kms_key" "warehouse" {
  description         = "orders warehouse"
  enable_key_rotation = true
}

resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier           = "orders-warehouse"
  node_type                    = "ra3.xlplus"
  master_username              = "warehouse_admin"
  manage_master_password       = true
  cluster_parameter_group_name = aws_redshift_parameter_group.warehouse.name
  publicly_accessible          = false
  encrypted                    = true
  kms_key_id                   = aws_kms_key.warehouse.arn
  skip_final_snapshot          = true
}
