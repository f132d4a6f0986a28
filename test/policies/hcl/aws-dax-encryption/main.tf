# Seed mistake: A DAX cluster in front of the carts table, left at its defaults: nodes unencrypted, endpoint in plain text.
# Expect: aws_dax_cluster.carts
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

resource "aws_dax_subnet_group" "carts" {
  name       = "carts-cache"
  subnet_ids = ["subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719"]
}

resource "aws_dax_cluster" "carts" {
  cluster_name       = "carts-cache"
  iam_role_arn       = "arn:aws:iam::111122223333:role/dax-carts"
  node_type          = "dax.r5.large"
  replication_factor = 3
  subnet_group_name  = aws_dax_subnet_group.carts.name
  security_group_ids = ["sg-0a1b2c3d4e5f60718"]
}
