# Seed mistake: A Direct PUT Firehose delivery stream without server-side encryption.
# Expect: aws_kinesis_firehose_delivery_stream.orders
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

resource "aws_kinesis_firehose_delivery_stream" "orders" {
  name        = "orders-to-lake"
  destination = "extended_s3"

  extended_s3_configuration {
    role_arn   = "arn:aws:iam::111122223333:role/firehose-orders"
    bucket_arn = "arn:aws:s3:::orders-lake"
  }
}
