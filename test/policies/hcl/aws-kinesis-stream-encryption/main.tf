# Seed mistake: A Kinesis stream without server-side encryption.
# Expect: aws_kinesis_stream.clickstream
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

resource "aws_kinesis_stream" "clickstream" {
  name             = "clickstream"
  retention_period = 48

  stream_mode_details {
    stream_mode = "ON_DEMAND"
  }
}
