# Found by an audit of public Terraform (session 30): e-dynamodb-replica-key-dynamic — plan alone asserts "replica has no kms_key_arn" for a replica that has one
# Reduced from terraform-aws-modules/terraform-aws-dynamodb-table main.tf @ 2de5b7ca (dynamic "replica")
# + examples/global-tables/main.tf @ 4686bc34 (replica with its own CMK in eu-west-2).
provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "euwest2"
  region = "eu-west-2"
}

resource "aws_kms_key" "primary" {
  description = "CMK for primary region"
}

resource "aws_kms_key" "secondary" {
  provider    = aws.euwest2
  description = "CMK for secondary region"
}

locals {
  replica_regions = [{
    region_name            = "eu-west-2"
    kms_key_arn            = aws_kms_key.secondary.arn
    point_in_time_recovery = true
  }]
}

resource "aws_dynamodb_table" "this" {
  name             = "orders"
  billing_mode     = "PAY_PER_REQUEST"
  hash_key         = "id"
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"

  attribute {
    name = "id"
    type = "N"
  }

  point_in_time_recovery {
    enabled = true
  }

  dynamic "replica" {
    for_each = local.replica_regions
    content {
      region_name            = replica.value.region_name
      kms_key_arn            = lookup(replica.value, "kms_key_arn", null)
      point_in_time_recovery = lookup(replica.value, "point_in_time_recovery", null)
    }
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.primary.arn
  }

  tags = {
    data-classification = "pii"
    environment         = "prod"
    owner               = "shop"
  }
}
