# Seed mistake: A bucket of customer exports classified pii whose versioning was suspended to save storage, so an overwrite or delete destroys the only copy.
# Expect: aws_s3_bucket.exports
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

resource "aws_s3_bucket" "exports" {
  bucket = "shop-customer-exports"
  tags = {
    data-classification = "pii"
    owner               = "data-platform"
  }
}

resource "aws_s3_bucket_versioning" "exports" {
  bucket = aws_s3_bucket.exports.id

  versioning_configuration {
    status = "Suspended"
  }
}
