# Seed mistake: SSH (22) is open to 0.0.0.0/0 on an application host security group.
# Expect: aws_security_group.app
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

  ingress {
    description = "SSH"
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["0.0.0.0/0"]
  }
}
