# Seed mistake: A DocumentDB cluster parameter group that turns TLS off.
# Expect: aws_docdb_cluster_parameter_group.profiles
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

resource "aws_docdb_cluster_parameter_group" "profiles" {
  family = "docdb5.0"
  name   = "customer-profiles"

  parameter {
    name  = "tls"
    value = "disabled"
  }
}

resource "aws_kms_key" "profiles" {
  description         = "customer profiles"
  enable_key_rotation = true
}

resource "aws_docdb_cluster" "profiles" {
  cluster_identifier              = "customer-profiles"
  master_username                 = "profiles_admin"
  manage_master_user_password     = true
  storage_encrypted               = true
  kms_key_id                      = aws_kms_key.profiles.arn
  db_cluster_parameter_group_name = aws_docdb_cluster_parameter_group.profiles.name
  skip_final_snapshot             = true
}
