# Seed mistake: The shared-libraries layer is granted to principal "*" without organization_id.
# Expect: aws_lambda_layer_version_permission.everyone
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

resource "aws_lambda_layer_version" "common" {
  layer_name          = "shop-common"
  s3_bucket           = "shop-artifacts"
  s3_key              = "layers/common.zip"
  compatible_runtimes = ["nodejs20.x"]
}

resource "aws_lambda_layer_version_permission" "everyone" {
  layer_name     = aws_lambda_layer_version.common.layer_arn
  version_number = aws_lambda_layer_version.common.version
  statement_id   = "everyone"
  action         = "lambda:GetLayerVersion"
  principal      = "*"
}
