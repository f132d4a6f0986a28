# Seed mistake: A MemoryDB cluster on the built-in open-access ACL (no users, no passwords).
# Expect: aws_memorydb_cluster.carts
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

resource "aws_kms_key" "carts" {
  description         = "shopping carts"
  enable_key_rotation = true
}

resource "aws_memorydb_cluster" "carts" {
  name        = "carts"
  node_type   = "db.t4g.small"
  acl_name    = "open-access"
  tls_enabled = true
  kms_key_arn = aws_kms_key.carts.arn
}
