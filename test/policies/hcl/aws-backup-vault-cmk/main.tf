# Seed mistake: the vault names no kms_key_arn, so recovery points use the AWS-managed aws/backup key.
# Expect: aws_backup_vault.main
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

resource "aws_backup_vault" "main" {
  name = "shop-backups"
}

resource "aws_backup_vault_lock_configuration" "main" {
  backup_vault_name   = aws_backup_vault.main.name
  min_retention_days  = 35
  max_retention_days  = 365
  changeable_for_days = 3
}
