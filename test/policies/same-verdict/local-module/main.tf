# Buckets made by a local module, once per entry of a map and once alone; the module's public
# access block follows its inputs.
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
  default_tags {
    tags = {
      owner       = "platform"
      environment = "prod"
    }
  }
}

locals {
  buckets = {
    public-site = { block = false }
    invoices    = { block = true }
  }
}

module "bucket" {
  source   = "./modules/bucket"
  for_each = local.buckets

  name         = "shop-${each.key}"
  block_public = each.value.block
}

module "archive" {
  source = "./modules/bucket"
  name   = "shop-archive"
}

module "unused" {
  source = "./modules/bucket"
  count  = 0
  name   = "never"
}

resource "aws_s3_bucket_policy" "archive" {
  bucket = module.archive.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "${module.archive.arn}/*"
    }]
  })
}
