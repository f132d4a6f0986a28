# Seed mistake: an egress rule allows all protocols to 0.0.0.0/0.
# Expect: aws_vpc_security_group_egress_rule.all
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

resource "aws_security_group" "app" {
  name        = "orders-app"
  description = "orders application hosts"
  vpc_id      = "vpc-0a1b2c3d4e5f60718"
}

resource "aws_vpc_security_group_egress_rule" "all" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}
