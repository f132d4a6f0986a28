# Seed mistake: An EBS snapshot shared with an account that is not one of ours.
# Expect: aws_snapshot_create_volume_permission.partner
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

resource "aws_kms_key" "data" {
  description         = "data volume"
  enable_key_rotation = true
}

resource "aws_ebs_volume" "data" {
  availability_zone = "us-west-2a"
  size              = 20
  encrypted         = true
  kms_key_id        = aws_kms_key.data.arn
}

resource "aws_ebs_snapshot" "data" {
  volume_id = aws_ebs_volume.data.id
}

resource "aws_snapshot_create_volume_permission" "partner" {
  snapshot_id = aws_ebs_snapshot.data.id
  account_id  = "999988887777"
}
