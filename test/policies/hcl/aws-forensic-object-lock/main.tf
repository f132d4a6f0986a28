# Seed mistake: Object Lock is in GOVERNANCE mode for 30 days (needs COMPLIANCE for at least 365).
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
  bucket              = "shop-evidence"
  object_lock_enabled = true

  tags = {
    purpose = "forensics"
  }
}

resource "aws_s3_bucket_versioning" "evidence" {
  bucket = aws_s3_bucket.evidence.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_object_lock_configuration" "evidence" {
  bucket = aws_s3_bucket.evidence.id

  rule {
    default_retention {
      mode = "GOVERNANCE"
      days = 30
    }
  }
}
