# Seed mistake: An EFS file system without encryption at rest.
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

resource "aws_efs_file_system" "uploads" {
  creation_token = "customer-uploads"
}
