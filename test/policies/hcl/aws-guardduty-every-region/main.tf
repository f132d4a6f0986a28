# Seed mistake: GuardDuty is enabled in us-west-2 only; the EU exports bucket's region has no detector.
# Expect: region:aws:eu-west-1
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

provider "aws" {
  alias  = "eu"
  region = "eu-west-1"
}

resource "aws_guardduty_detector" "main" {
  enable = true
}

resource "aws_guardduty_detector_feature" "s3" {
  detector_id = aws_guardduty_detector.main.id
  name        = "S3_DATA_EVENTS"
  status      = "ENABLED"
}

resource "aws_s3_bucket" "eu_exports" {
  provider = aws.eu
  bucket   = "shop-eu-exports"
}
