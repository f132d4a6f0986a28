# Cognito identity pools: guest access from a variable's default, per pool from a local map
# (one left to the default), and from an attribute only apply knows (not verifiable).
provider "aws" {
  region = "us-west-2"
}

variable "guests" {
  type    = bool
  default = true
}

locals {
  pools = { browse = var.guests, checkout = false, account = null }
}

resource "aws_cognito_identity_pool" "this" {
  for_each                         = local.pools
  identity_pool_name               = "shop ${each.key}"
  allow_unauthenticated_identities = each.value
}

resource "terraform_data" "flag" {
  input = "experiments"
}

resource "aws_cognito_identity_pool" "from_apply" {
  identity_pool_name               = "shop experiments"
  allow_unauthenticated_identities = terraform_data.flag.id == "0"
}
