# Resource policies and sharing arguments written each way a plan and the HCL path must read alike:
# S3 access point policies (inline, stand-alone, multi-region in its details block, from a policy
# document), EventBridge permissions with and without the organization condition, and the
# sharing resources of AMIs, SSM documents, Lambda layers and KMS grants, open and scoped.
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

variable "org_id" {
  type    = string
  default = "o-abcdef1234"
}

data "aws_iam_policy_document" "public_read" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:us-west-2:111122223333:accesspoint/reports/object/*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

resource "aws_s3_bucket" "exports" {
  bucket = "shop-exports-sv"
}

resource "aws_s3_access_point" "inline" {
  bucket = aws_s3_bucket.exports.id
  name   = "exports-inline"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:us-west-2:111122223333:accesspoint/exports-inline/object/*"
    }]
  })
}

resource "aws_s3_access_point" "managed" {
  bucket = aws_s3_bucket.exports.id
  name   = "reports"
}

resource "aws_s3control_access_point_policy" "managed" {
  access_point_arn = aws_s3_access_point.managed.arn
  policy           = data.aws_iam_policy_document.public_read.json
}

resource "aws_s3_access_point" "unset" {
  bucket = aws_s3_bucket.exports.id
  name   = "exports-private"
}

resource "aws_s3control_multi_region_access_point_policy" "global" {
  details {
    name = "exports-global"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = "s3:GetObject"
        Resource  = "arn:aws:s3::111122223333:accesspoint/exports-global.mrap/object/*"
        Condition = { StringEquals = { "aws:PrincipalOrgID" = var.org_id } }
      }]
    })
  }
}

resource "aws_cloudwatch_event_permission" "everyone" {
  principal    = "*"
  statement_id = "everyone"
}

resource "aws_cloudwatch_event_permission" "organization" {
  principal    = "*"
  statement_id = "organization"
  condition {
    key   = "aws:PrincipalOrgID"
    type  = "StringEquals"
    value = var.org_id
  }
}

resource "aws_ami_launch_permission" "public" {
  image_id = "ami-0123456789abcdef0"
  group    = "all"
}

resource "aws_ami_launch_permission" "partner" {
  image_id   = "ami-0123456789abcdef0"
  account_id = "999988887777"
}

resource "aws_ssm_document" "shared" {
  name          = "shop-diagnostics"
  document_type = "Command"
  content = jsonencode({
    schemaVersion = "2.2"
    description   = "Collect diagnostics"
    mainSteps     = [{ action = "aws:runShellScript", name = "collect", inputs = { runCommand = ["uptime"] } }]
  })
  permissions = {
    type        = "Share"
    account_ids = "111122223333,All"
  }
}

resource "aws_ssm_document" "private" {
  name          = "shop-private"
  document_type = "Command"
  content = jsonencode({
    schemaVersion = "2.2"
    description   = "Private"
    mainSteps     = [{ action = "aws:runShellScript", name = "noop", inputs = { runCommand = ["true"] } }]
  })
}

resource "aws_lambda_layer_version" "common" {
  layer_name = "shop-common-sv"
  s3_bucket  = "shop-artifacts"
  s3_key     = "layers/common.zip"
}

resource "aws_lambda_layer_version_permission" "organization" {
  layer_name      = aws_lambda_layer_version.common.layer_arn
  version_number  = aws_lambda_layer_version.common.version
  statement_id    = "organization"
  action          = "lambda:GetLayerVersion"
  principal       = "*"
  organization_id = var.org_id
}

resource "aws_lambda_layer_version_permission" "everyone" {
  layer_name     = aws_lambda_layer_version.common.layer_arn
  version_number = aws_lambda_layer_version.common.version
  statement_id   = "everyone"
  action         = "lambda:GetLayerVersion"
  principal      = "*"
}

resource "aws_iam_role" "ingest" {
  name                 = "shop-ingest-sv"
  permissions_boundary = "arn:aws:iam::111122223333:policy/workload-boundary"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }]
  })
}

resource "aws_kms_grant" "own_role" {
  name              = "ingest"
  key_id            = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  grantee_principal = aws_iam_role.ingest.arn
  operations        = ["Encrypt", "GenerateDataKey"]
}

resource "aws_kms_grant" "partner" {
  name              = "partner"
  key_id            = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  grantee_principal = "arn:aws:iam::999988887777:role/partner"
  operations        = ["Decrypt"]
}
