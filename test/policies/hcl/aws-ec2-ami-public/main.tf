# Seed mistake: The build pipeline's AMI, baked from an application server, is shared with group "all".
# Expect: aws_ami_launch_permission.public
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

resource "aws_ec2_image_block_public_access" "this" {
  state = "block-new-sharing"
}

resource "aws_ami_launch_permission" "public" {
  image_id = "ami-0123456789abcdef0"
  group    = "all"
}

resource "aws_ami_launch_permission" "workloads" {
  image_id         = "ami-0123456789abcdef0"
  organization_arn = "arn:aws:organizations::111122223333:organization/o-abcdef1234"
}
