# Seed mistake: An encrypted DocumentDB cluster that exports only its profiler log, not its audit log.
# Expect: aws_docdb_cluster.profiles
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
  backup_retention_period         = 14
  enabled_cloudwatch_logs_exports = ["profiler"]
  skip_final_snapshot             = true
}
