# Seed mistake: versioning on the evidence bucket is Suspended.
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

resource "aws_s3_bucket_versioning" "evidence" {
  bucket = aws_s3_bucket.evidence.id

  versioning_configuration {
    status = "Suspended"
  }
}
