# Terraform's two-argument lookup, as modules written for Terraform 0.12 still use it: the
# bucket module's logging switch and a volume's encryption flag read their settings with it.
# A call the evaluator refused made the logging count unknown (the logging resource went
# unchecked) and the volume's encryption unknown.
provider "aws" {
  region = "eu-west-2"
}

locals {
  volumes = {
    scratch = { size = 50, encrypted = false }
    ledger  = { size = 200, encrypted = true }
  }
}

module "logs" {
  source      = "./modules/bucket"
  bucket_name = "mesh-access-logs"
}

module "messages" {
  source      = "./modules/bucket"
  bucket_name = "mesh-messages"
  logging     = { prefix = "messages/", bucket = module.logs.bucket }
}

resource "aws_ebs_volume" "data" {
  for_each          = local.volumes
  availability_zone = "eu-west-2a"
  size              = lookup(each.value, "size")
  encrypted         = lookup(each.value, "encrypted")
}
