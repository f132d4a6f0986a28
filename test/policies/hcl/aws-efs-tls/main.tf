# Seed mistake: An encrypted EFS file system whose policy denies only writes without TLS, so clients can still mount and read in plain text.
# Expect: aws_efs_file_system.uploads
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

resource "aws_kms_key" "uploads" {
  description         = "customer uploads"
  enable_key_rotation = true
}

resource "aws_efs_file_system" "uploads" {
  creation_token = "customer-uploads"
  encrypted      = true
  kms_key_id     = aws_kms_key.uploads.arn
}

resource "aws_efs_file_system_policy" "uploads" {
  file_system_id = aws_efs_file_system.uploads.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyPlainWrites"
      Effect    = "Deny"
      Principal = { AWS = "*" }
      Action    = "elasticfilesystem:ClientWrite"
      Resource  = "arn:aws:elasticfilesystem:us-west-2:111122223333:file-system/*"
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}
