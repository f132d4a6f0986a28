# Names built from the account id, TerraGoat style: every tag and name carries
# "<account id>-<company>-<environment>". The plan knows the id (here from the STS stand-in); the
# HCL folder does not. A name of words and numbers is not a secret, whether the id in it is known
# or not: only the AWS keys in the instance's user data are.
provider "aws" {
  region = "us-west-2"
}

data "aws_caller_identity" "current" {}

variable "company_name" {
  default = "acme"
}

variable "environment" {
  default = "dev"
}

locals {
  resource_prefix = {
    value = "${data.aws_caller_identity.current.account_id}-${var.company_name}-${var.environment}"
  }
}

resource "aws_vpc" "web_vpc" {
  cidr_block = "172.16.0.0/16"
  tags = {
    Name = "${local.resource_prefix.value}-vpc"
  }
}

resource "aws_subnet" "web_subnet2" {
  vpc_id            = aws_vpc.web_vpc.id
  cidr_block        = "172.16.11.0/24"
  availability_zone = "us-west-2b"
  tags = {
    Name = "${local.resource_prefix.value}-subnet2"
  }
}

resource "aws_s3_bucket" "data" {
  bucket = "${local.resource_prefix.value}-data"
  tags = {
    Name                = "${local.resource_prefix.value}-data"
    Environment         = local.resource_prefix.value
    Registry            = "${data.aws_caller_identity.current.account_id}.dkr.ecr.us-west-2.amazonaws.com/acme-dev/api"
    data-classification = "confidential"
    owner               = "platform"
    environment         = var.environment
  }
}

resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = aws_s3_bucket.data.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_instance" "web_host" {
  ami           = "ami-09a5b0b7edf08843d"
  instance_type = "t2.nano"
  subnet_id     = aws_subnet.web_subnet2.id
  user_data     = <<EOF
#! /bin/bash
export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMAAA
export AWS_SECRET_ACCESS_KEY=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
EOF
  tags = {
    Name = "${local.resource_prefix.value}-ec2"
  }
}
