# Seed mistake: the checkout workload role has no permissions_boundary.
# Expect: aws_iam_role.checkout
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

resource "aws_iam_role" "checkout" {
  name               = "checkout-app"
  assume_role_policy = <<-JSON
    {"Version": "2012-10-17", "Statement": [{
      "Effect": "Allow", "Action": "sts:AssumeRole",
      "Principal": {"Service": "ecs-tasks.amazonaws.com"}
    }]}
  JSON
}
