# Seed mistake: A Lustre file system for recommendation training data, left at the SCRATCH_1 default that never encrypts data in transit.
# Expect: aws_fsx_lustre_file_system.training
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

resource "aws_fsx_lustre_file_system" "training" {
  storage_capacity   = 1200
  subnet_ids         = ["subnet-0a1b2c3d4e5f60718"]
  security_group_ids = ["sg-0a1b2c3d4e5f60718"]
}
