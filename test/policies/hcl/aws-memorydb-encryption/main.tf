# Seed mistake: A MemoryDB cluster with TLS turned off and the AWS-managed key.
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

resource "aws_memorydb_cluster" "carts" {
  name        = "carts"
  node_type   = "db.t4g.small"
  acl_name    = "open-access"
  tls_enabled = false
}
