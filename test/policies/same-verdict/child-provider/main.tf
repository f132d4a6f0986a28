# A local module that configures its own provider (the legacy style many public modules
# still use): its resources live in its region, with its default tags.
provider "aws" {
  region = "us-east-1"
}

module "eu_logs" {
  source = "./modules/eu-logs"
  name   = "shop-eu-logs"
}

resource "aws_s3_bucket" "us" {
  bucket = "shop-us-assets"
}
