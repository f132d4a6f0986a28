# Seed mistake: TerraGoat-style EBS volume without encryption (and no encryption by default in the region).
# Expect: aws_ebs_volume.web_host_storage
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

  tags = {
    Name = "web-host-storage"
  }
}
