# Seed mistake: A Valkey replication group without encryption at rest or in transit.
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

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id = "checkout-sessions"
  description          = "checkout sessions"
  engine               = "valkey"
  node_type            = "cache.t4g.small"
  num_cache_clusters   = 2
}

# A stand-alone Memcached cluster without transit encryption (its replication_group_id is
# only computed by the provider, so a plan and the HCL must both judge it on its own).
resource "aws_elasticache_cluster" "catalog_cache" {
  cluster_id      = "catalog-cache"
  engine          = "memcached"
  node_type       = "cache.t4g.small"
  num_cache_nodes = 1
}

# A serverless Valkey cache under the AWS-managed key (no kms_key_id).
resource "aws_elasticache_serverless_cache" "carts" {
  name   = "checkout-carts"
  engine = "valkey"
}
