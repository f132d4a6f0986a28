# Seed mistake: AWS Config records us-west-2 only; the replica bucket in us-east-1 is unrecorded.
# Expect: region:aws:us-east-1
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

provider "aws" {
  alias  = "east"
  region = "us-east-1"
}

resource "aws_iam_role" "config" {
  name                 = "aws-config-recorder"
  assume_role_policy   = data.aws_iam_policy_document.config_trust.json
  permissions_boundary = "arn:aws:iam::111111111111:policy/workload-boundary"
}

data "aws_iam_policy_document" "config_trust" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["config.amazonaws.com"]
    }
  }
}

resource "aws_config_configuration_recorder" "west" {
  name     = "default"
  role_arn = aws_iam_role.config.arn

  recording_group {
    all_supported                 = true
    include_global_resource_types = true
  }
}

resource "aws_s3_bucket" "orders" {
  bucket = "shop-orders"
}

resource "aws_s3_bucket" "replica" {
  provider = aws.east
  bucket   = "shop-orders-replica"
}
