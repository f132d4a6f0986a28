# Seed mistake: The finance team's Windows file share of customer invoices, encrypted only with the AWS-managed aws/fsx key.
# Expect: aws_fsx_windows_file_system.invoices
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

resource "aws_fsx_windows_file_system" "invoices" {
  active_directory_id             = "d-1234567890"
  storage_capacity                = 300
  throughput_capacity             = 32
  subnet_ids                      = ["subnet-0a1b2c3d4e5f60718"]
  security_group_ids              = ["sg-0a1b2c3d4e5f60718"]
  automatic_backup_retention_days = 14

  audit_log_configuration {
    file_access_audit_log_level       = "SUCCESS_AND_FAILURE"
    file_share_access_audit_log_level = "SUCCESS_AND_FAILURE"
    audit_log_destination             = "arn:aws:logs:us-west-2:111122223333:log-group:/aws/fsx/invoices"
  }

  tags = {
    data-classification = "pii"
  }
}
