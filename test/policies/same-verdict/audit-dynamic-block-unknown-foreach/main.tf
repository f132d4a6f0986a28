# Found by an audit of public Terraform (session 31): g-dynamic-block-unknown-foreach — a DynamoDB CMK given through
# dynamic "server_side_encryption" blocks; the last table's block is unknown as a whole before apply (for_each over
# `aws_kms_key.t.arn == null ? [] : [...]`): flagged on every side (fail closed), its message saying the block is known only after apply.
# Pattern of juani-garcia/2023Q2-G3 terraform/modules/dynamodb/main.tf @ 35296c77980c9c31167abec8c79cb235b4358f56.
terraform {
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
  }
}

provider "aws" {
  region = "us-east-1"
}

resource "aws_kms_key" "t" {
  description         = "tables"
  enable_key_rotation = true
}

variable "kms_key_arn" {
  type    = string
  default = null
}

locals {
  # a module-style "use the given key, or the one we create" — known to be non-null, value unknown before apply
  kms_key_arn = coalesce(var.kms_key_arn, aws_kms_key.t.arn)
}

# (a) control: static block
resource "aws_dynamodb_table" "static" {
  name         = "static"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.t.arn
  }
  point_in_time_recovery {
    enabled = true
  }
}

# (b) dynamic block, for_each of known length holding an unknown
resource "aws_dynamodb_table" "list" {
  name         = "list"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
  dynamic "server_side_encryption" {
    for_each = [local.kms_key_arn]
    content {
      enabled     = true
      kms_key_arn = server_side_encryption.value
    }
  }
  point_in_time_recovery {
    enabled = true
  }
}

# (c) dynamic block whose for_each tests the unknown ARN against null (juani-v / hand-written module pattern)
resource "aws_dynamodb_table" "null_test" {
  name         = "null-test"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
  dynamic "server_side_encryption" {
    for_each = local.kms_key_arn == null ? [] : [local.kms_key_arn]
    content {
      enabled     = true
      kms_key_arn = server_side_encryption.value
    }
  }
  point_in_time_recovery {
    enabled = true
  }
}

# (d) same as (c) but straight on the resource attribute (the plan then holds the whole block as unknown)
resource "aws_dynamodb_table" "null_test_direct" {
  name         = "null-test-direct"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
  dynamic "server_side_encryption" {
    for_each = aws_kms_key.t.arn == null ? [] : [aws_kms_key.t.arn]
    content {
      enabled     = true
      kms_key_arn = server_side_encryption.value
    }
  }
  point_in_time_recovery {
    enabled = true
  }
}
