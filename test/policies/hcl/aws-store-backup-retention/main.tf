# Seed mistake: A Neptune cluster keeping automated backups for one day.
# Expect: aws_neptune_cluster.graph
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

resource "aws_kms_key" "graph" {
  description         = "customer graph"
  enable_key_rotation = true
}

resource "aws_neptune_cluster" "graph" {
  cluster_identifier      = "customer-graph"
  engine                  = "neptune"
  storage_encrypted       = true
  kms_key_arn             = aws_kms_key.graph.arn
  backup_retention_period = 1
  skip_final_snapshot     = true
}
