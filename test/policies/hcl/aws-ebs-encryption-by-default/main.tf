# Seed mistake: EBS encryption by default explicitly turned off for the region.
# Expect: aws_ebs_encryption_by_default.this
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

resource "aws_ebs_encryption_by_default" "this" {
  enabled = false
}
