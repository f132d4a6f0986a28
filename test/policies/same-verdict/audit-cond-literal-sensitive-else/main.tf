# Found by an audit of public Terraform (session 31): f-cond-literal-sensitive-else
# Reduced from cloudposse/terraform-aws-mq-broker main.tf @ 0147d35f003083037c978aedd2e9ba2e36a8d564
# (locals mq_admin_password / mq_application_password: caller's password if set, else a generated one)
provider "aws" {
  region = "us-east-1"
}
module "mq" {
  source      = "./m"
  mq_password = "AppPassw0rd-2024x" # literal credential written in the repository
}
