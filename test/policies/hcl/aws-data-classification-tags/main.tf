# Seed mistake: provider default_tags give owner only; the exports bucket has no data-classification or environment tag.
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

  default_tags {
    tags = {
      owner = "shop-platform"
    }
  }
}

resource "aws_s3_bucket" "exports" {
  bucket = "shop-exports"

  tags = {
    Name = "shop-exports"
  }
}
