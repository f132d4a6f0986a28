# Seed mistake: An encrypted Redis replication group with neither an AUTH token nor RBAC user groups.
# Expect: aws_elasticache_replication_group.sessions
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

resource "aws_kms_key" "sessions" {
  description         = "checkout sessions"
  enable_key_rotation = true
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "checkout-sessions"
  description                = "checkout sessions"
  engine                     = "redis"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  at_rest_encryption_enabled = true
  kms_key_id                 = aws_kms_key.sessions.arn
  transit_encryption_enabled = true
}

# A serverless Valkey cache without an RBAC user group, and a Memcached cluster holding
# unclassified data (Memcached cannot authenticate clients at all).
resource "aws_elasticache_serverless_cache" "carts" {
  name       = "checkout-carts"
  engine     = "valkey"
  kms_key_id = aws_kms_key.sessions.arn
}

resource "aws_elasticache_cluster" "catalog_cache" {
  cluster_id                 = "catalog-cache"
  engine                     = "memcached"
  node_type                  = "cache.t4g.small"
  num_cache_nodes            = 1
  transit_encryption_enabled = true
}
