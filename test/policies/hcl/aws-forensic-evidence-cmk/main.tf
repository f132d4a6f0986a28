# Seed mistake: the evidence bucket uses SSE-KMS with the AWS-managed alias/aws/s3 key.
# Expect: aws_s3_bucket.evidence
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

resource "aws_s3_bucket" "evidence" {
  bucket = "shop-evidence"

  tags = {
    purpose = "forensics"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "evidence" {
  bucket = aws_s3_bucket.evidence.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = "alias/aws/s3"
    }
    bucket_key_enabled = true
  }
}
