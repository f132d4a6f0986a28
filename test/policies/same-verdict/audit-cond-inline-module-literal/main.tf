# Found by an audit of public Terraform (session 31): f-cond-inline-module-literal
# Reduced from cloudposse/terraform-aws-mq-broker main.tf @ 0147d35 (caller-or-generated password), written inline
provider "aws" {
  region = "us-east-1"
}
module "app" {
  source = "./m"
  pw     = "AppPassw0rd-2024x" # literal credential written in the repository
}
