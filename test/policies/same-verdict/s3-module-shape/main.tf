# The shape of terraform-aws-modules/s3-bucket: everything behind `count = var.create ? 1 : 0`
# style conditions, settings from variables whose defaults leave the guards off.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "us-east-1"
}

locals {
  create_bucket      = var.create_bucket
  attach_policy      = var.attach_require_latest_tls_policy || var.attach_policy
  encryption_enabled = length(keys(var.server_side_encryption_configuration)) > 0
}

resource "aws_s3_bucket" "this" {
  count = local.create_bucket ? 1 : 0

  bucket        = var.bucket
  force_destroy = var.force_destroy
  tags          = var.tags
}

resource "aws_s3_bucket_public_access_block" "this" {
  count = local.create_bucket && var.attach_public_policy ? 1 : 0

  bucket                  = aws_s3_bucket.this[0].id
  block_public_acls       = var.block_public_acls
  block_public_policy     = var.block_public_policy
  ignore_public_acls      = var.ignore_public_acls
  restrict_public_buckets = var.restrict_public_buckets
}

resource "aws_s3_bucket_ownership_controls" "this" {
  count = local.create_bucket && var.control_object_ownership ? 1 : 0

  bucket = aws_s3_bucket.this[0].id
  rule {
    object_ownership = var.object_ownership
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  count = local.create_bucket && local.encryption_enabled ? 1 : 0

  bucket = aws_s3_bucket.this[0].id
  dynamic "rule" {
    for_each = try(flatten([var.server_side_encryption_configuration["rule"]]), [])
    content {
      bucket_key_enabled = try(rule.value.bucket_key_enabled, null)
      dynamic "apply_server_side_encryption_by_default" {
        for_each = try([rule.value.apply_server_side_encryption_by_default], [])
        content {
          sse_algorithm     = apply_server_side_encryption_by_default.value.sse_algorithm
          kms_master_key_id = try(apply_server_side_encryption_by_default.value.kms_master_key_id, null)
        }
      }
    }
  }
}

resource "aws_s3_bucket_policy" "this" {
  count = local.create_bucket && local.attach_policy ? 1 : 0

  bucket = aws_s3_bucket.this[0].id
  policy = var.policy
}

resource "aws_s3_bucket" "logs" {
  count  = var.create_log_bucket ? 1 : 0
  bucket = "${var.bucket}-logs"
  acl    = "public-read"
}
