# Seed mistake: A private, encrypted Redshift cluster with no audit logging.
# Expect: aws_redshift_cluster.analytics
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

resource "aws_kms_key" "analytics" {
  description         = "analytics warehouse"
  enable_key_rotation = true
}

resource "aws_redshift_cluster" "analytics" {
  cluster_identifier                  = "analytics"
  node_type                           = "ra3.xlplus"
  master_username                     = "analytics_admin"
  manage_master_password              = true
  publicly_accessible                 = false
  encrypted                           = true
  kms_key_id                          = aws_kms_key.analytics.arn
  automated_snapshot_retention_period = 14
  skip_final_snapshot                 = true
}
