# Small AWS stack for the drift end-to-end test, applied against a local moto server.
# Every endpoint points at var.endpoint; the credentials are moto's dummies.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}

variable "endpoint" { type = string }

variable "db_password" {
  type      = string
  sensitive = true
}

provider "aws" {
  region                      = "us-east-1"
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  s3_use_path_style           = true
  endpoints {
    s3   = var.endpoint
    kms  = var.endpoint
    logs = var.endpoint
    ssm  = var.endpoint
    sts  = var.endpoint
  }
}

resource "aws_s3_bucket" "exports" {
  bucket = "shop-customer-exports"
  tags = {
    "data-classification" = "pii"
    owner                 = "data"
  }
}

resource "aws_s3_bucket_public_access_block" "exports" {
  bucket                  = aws_s3_bucket.exports.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_kms_key" "logs" {
  description             = "orders log encryption"
  enable_key_rotation     = true
  deletion_window_in_days = 7
}

resource "aws_cloudwatch_log_group" "orders" {
  name              = "/shop/orders-service"
  retention_in_days = 30
  kms_key_id        = aws_kms_key.logs.arn
  tags = {
    "data-classification" = "pii"
    owner                 = "orders"
  }
}

# A secret whose out-of-band change must show as drift without its value ever printed.
resource "aws_ssm_parameter" "db_password" {
  name  = "/shop/orders/db-password"
  type  = "SecureString"
  value = var.db_password
}
