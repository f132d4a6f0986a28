# Secrets passed as sensitive variables, the way teams keep them out of logs: the plan
# redacts every value derived from them, and so must the HCL path.
provider "aws" {
  region = "us-east-1"
}

variable "db_password" {
  type      = string
  sensitive = true
  default   = "correct-horse-battery-staple"
}

variable "auth_token" {
  type      = string
  sensitive = true
  default   = "a-very-long-redis-auth-token-0001"
}

locals {
  connection = "postgres://app:${var.db_password}@orders.internal:5432/orders"
}

resource "aws_db_instance" "orders" {
  identifier          = "orders"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "app"
  password            = var.db_password
  publicly_accessible = true
  storage_encrypted   = true
  skip_final_snapshot = true
}

resource "aws_ssm_parameter" "connection" {
  name  = "/orders/connection"
  type  = "String"
  value = local.connection
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "sessions"
  node_type                  = "cache.t3.micro"
  num_cache_clusters         = 1
  transit_encryption_enabled = true
  at_rest_encryption_enabled = true
  auth_token                 = var.auth_token
}
