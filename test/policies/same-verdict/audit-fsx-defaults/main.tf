# Audit j2 (terraform-aws-fsx): file systems that leave their backup retention to the
# provider. Windows File Server is created with 7 days, OpenZFS and ONTAP with none, Lustre
# with what the service picks; the HCL folder must read each as its plan does.
provider "aws" {
  region = "us-west-2"
}

resource "aws_kms_key" "fsx" {
  description         = "file shares"
  enable_key_rotation = true
}

resource "aws_fsx_windows_file_system" "finance" {
  active_directory_id = "d-1234567890"
  storage_capacity    = 300
  throughput_capacity = 32
  subnet_ids          = ["subnet-0a1b2c3d4e5f60718"]
  kms_key_id          = aws_kms_key.fsx.arn

  audit_log_configuration {
    file_access_audit_log_level       = "SUCCESS_AND_FAILURE"
    file_share_access_audit_log_level = "SUCCESS_AND_FAILURE"
    audit_log_destination             = "arn:aws:logs:us-west-2:111122223333:log-group:/aws/fsx/finance"
  }
}

resource "aws_fsx_openzfs_file_system" "builds" {
  storage_capacity    = 64
  subnet_ids          = ["subnet-0a1b2c3d4e5f60718"]
  deployment_type     = "SINGLE_AZ_1"
  throughput_capacity = 64
  kms_key_id          = aws_kms_key.fsx.arn
}

resource "aws_fsx_ontap_file_system" "exports" {
  storage_capacity    = 1024
  subnet_ids          = ["subnet-0a1b2c3d4e5f60718"]
  preferred_subnet_id = "subnet-0a1b2c3d4e5f60718"
  deployment_type     = "SINGLE_AZ_1"
  throughput_capacity = 512
  kms_key_id          = aws_kms_key.fsx.arn
}

resource "aws_fsx_lustre_file_system" "features" {
  storage_capacity            = 1200
  subnet_ids                  = ["subnet-0a1b2c3d4e5f60718"]
  deployment_type             = "PERSISTENT_2"
  per_unit_storage_throughput = 125
  kms_key_id                  = aws_kms_key.fsx.arn
}
