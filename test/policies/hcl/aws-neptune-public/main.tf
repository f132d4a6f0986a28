# Seed mistake: A Neptune instance with a public endpoint.
# Expect: aws_neptune_cluster_instance.graph
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
  cluster_identifier  = "customer-graph"
  engine              = "neptune"
  storage_encrypted   = true
  kms_key_arn         = aws_kms_key.graph.arn
  skip_final_snapshot = true
}

resource "aws_neptune_cluster_instance" "graph" {
  cluster_identifier  = aws_neptune_cluster.graph.id
  instance_class      = "db.r6g.large"
  publicly_accessible = true
}
