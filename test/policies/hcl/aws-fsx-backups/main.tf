# Seed mistake: An ONTAP file system for order exports, created without automatic_backup_retention_days: the provider creates it with automatic backups off.
# Expect: aws_fsx_ontap_file_system.exports
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

resource "aws_kms_key" "exports" {
  description         = "order exports"
  enable_key_rotation = true
}

resource "aws_fsx_ontap_file_system" "exports" {
  storage_capacity    = 1024
  subnet_ids          = ["subnet-0a1b2c3d4e5f60718"]
  preferred_subnet_id = "subnet-0a1b2c3d4e5f60718"
  deployment_type     = "SINGLE_AZ_1"
  throughput_capacity = 512
  security_group_ids  = ["sg-0a1b2c3d4e5f60718"]
  kms_key_id          = aws_kms_key.exports.arn
}
