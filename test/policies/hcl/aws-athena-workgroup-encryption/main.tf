# Seed mistake: An Athena workgroup writing query results unencrypted and letting clients override its settings.
# Expect: aws_athena_workgroup.analysts
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

resource "aws_athena_workgroup" "analysts" {
  name = "analysts"

  configuration {
    enforce_workgroup_configuration = false

    result_configuration {
      output_location = "s3://shop-athena-results/analysts/"
    }
  }
}
