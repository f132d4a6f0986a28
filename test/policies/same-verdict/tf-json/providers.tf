# Resources written in Terraform's JSON syntax (as generators and some teams write them),
# beside a native provider block: templates, count, a jsonencode'd policy, a nested block.
provider "aws" {
  region = "eu-central-1"
}
