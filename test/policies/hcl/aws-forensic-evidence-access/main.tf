# Seed mistake: the evidence bucket policy grants the incident-response role read access but denies no one else.
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

resource "aws_iam_role" "incident_response" {
  name                 = "shop-incident-response"
  max_session_duration = 3600
  permissions_boundary = "arn:aws:iam::111111111111:policy/workload-boundary"
  assume_role_policy   = <<-JSON
    {"Version": "2012-10-17", "Statement": [{
      "Effect": "Allow", "Action": "sts:AssumeRole",
      "Principal": {"AWS": "arn:aws:iam::111111111111:root"},
      "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}
    }]}
  JSON
}

resource "aws_s3_bucket" "evidence" {
  bucket = "shop-evidence"

  tags = {
    purpose = "forensics"
  }
}

resource "aws_s3_bucket_policy" "evidence" {
  bucket = aws_s3_bucket.evidence.id
  policy = <<-JSON
    {"Version": "2012-10-17", "Statement": [{
      "Sid": "IncidentResponseRead", "Effect": "Allow", "Action": "s3:GetObject",
      "Principal": {"AWS": "arn:aws:iam::111111111111:role/shop-incident-response"},
      "Resource": "arn:aws:s3:::shop-evidence/*"
    }]}
  JSON
}
