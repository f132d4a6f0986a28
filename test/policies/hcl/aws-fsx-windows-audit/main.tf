# Seed mistake: A Windows file share of scanned customer documents that never records who opened a file (audit levels at their DISABLED default).
# Expect: aws_fsx_windows_file_system.documents
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

resource "aws_kms_key" "documents" {
  description         = "scanned documents"
  enable_key_rotation = true
}

resource "aws_fsx_windows_file_system" "documents" {
  active_directory_id             = "d-1234567890"
  storage_capacity                = 300
  throughput_capacity             = 32
  subnet_ids                      = ["subnet-0a1b2c3d4e5f60718"]
  security_group_ids              = ["sg-0a1b2c3d4e5f60718"]
  kms_key_id                      = aws_kms_key.documents.arn
  automatic_backup_retention_days = 14
}
