# Seed mistake: TerraGoat-style snapshot of an unencrypted EBS volume.
# Expect: aws_ebs_snapshot.example_snapshot
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

resource "aws_ebs_volume" "web_host_storage" {
  availability_zone = "us-west-2a"
  size              = 1
}

resource "aws_ebs_snapshot" "example_snapshot" {
  volume_id   = aws_ebs_volume.web_host_storage.id
  description = "web host storage snapshot"
}
