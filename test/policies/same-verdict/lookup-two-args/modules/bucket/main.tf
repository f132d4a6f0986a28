variable "bucket_name" {
  type = string
}

variable "logging" {
  type    = map(string)
  default = {}

  validation {
    condition     = length(regexall("^[-a-z0-9_/]+$", coalesce(lookup(var.logging, "prefix", null), "none"))) == 1
    error_message = "Variable logging['prefix'] must be lowercase letters, digits and hyphens."
  }
}

locals {
  prefix = lookup(var.logging, "prefix", null) == null ? null : trim(lookup(var.logging, "prefix"), "/")
}

resource "aws_s3_bucket" "s3" {
  bucket = var.bucket_name
}

resource "aws_s3_bucket_public_access_block" "s3" {
  bucket                  = aws_s3_bucket.s3.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_logging" "s3" {
  count         = local.prefix == null ? 0 : 1
  bucket        = aws_s3_bucket.s3.id
  target_bucket = lookup(var.logging, "bucket")
  target_prefix = "${local.prefix}/"
}

output "bucket" {
  value = aws_s3_bucket.s3.bucket
}
