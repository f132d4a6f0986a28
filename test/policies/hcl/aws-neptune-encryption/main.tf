# Seed mistake: TerraGoat-style Neptune cluster with storage_encrypted = false.
# Expect: aws_neptune_cluster.default
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

resource "aws_neptune_cluster" "default" {
  cluster_identifier                  = "customer-graph"
  engine                              = "neptune"
  backup_retention_period             = 5
  preferred_backup_window             = "07:00-09:00"
  skip_final_snapshot                 = true
  iam_database_authentication_enabled = false
  apply_immediately                   = true
  storage_encrypted                   = false
}
