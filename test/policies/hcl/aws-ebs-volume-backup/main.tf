# Seed mistake: An encrypted volume of customer orders classified pii, while the region's snapshot policy only targets volumes tagged backup = daily, so nothing snapshots it.
# Expect: aws_ebs_volume.orders
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

resource "aws_kms_key" "orders" {
  description         = "order volumes"
  enable_key_rotation = true
}

resource "aws_ebs_volume" "orders" {
  availability_zone = "us-west-2a"
  size              = 50
  encrypted         = true
  kms_key_id        = aws_kms_key.orders.arn
  tags = {
    data-classification = "pii"
    owner               = "orders-team"
  }
}

resource "aws_dlm_lifecycle_policy" "daily" {
  description        = "Daily snapshots"
  execution_role_arn = "arn:aws:iam::111122223333:role/dlm-lifecycle"

  policy_details {
    resource_types = ["VOLUME"]
    target_tags = {
      backup = "daily"
    }

    schedule {
      name = "daily"

      create_rule {
        interval = 24
      }

      retain_rule {
        count = 14
      }
    }
  }
}
