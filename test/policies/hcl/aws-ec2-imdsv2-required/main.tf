# Seed mistake: an instance with a role leaves metadata_options unset, so IMDSv1 answers
# without a session token (http_tokens optional by default) and one request forgery in the
# application reads the role's credentials.
# Expect: aws_instance.web
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

resource "aws_instance" "web" {
  ami                  = "ami-0123456789abcdef0"
  instance_type        = "t3.micro"
  iam_instance_profile = "orders-api"

  tags = {
    Name = "orders-web"
  }
}
