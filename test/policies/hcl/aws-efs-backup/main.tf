# Seed mistake: An encrypted, TLS-only Regional file system of customer uploads whose backup policy was left DISABLED, so nothing can be restored after deletion or ransomware.
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

resource "aws_efs_backup_policy" "uploads" {
  file_system_id = aws_efs_file_system.uploads.id

  backup_policy {
    status = "DISABLED"
  }
}
