# Found by an audit of public Terraform (session 31): f-dynamic-block-root-var-flagged
# Reduced from terraform-aws-modules/terraform-aws-eventbridge main.tf @ 0099c43dc03e26d0c21ed606e43d57e56284c7a9
# (aws_cloudwatch_event_connection "this": for_each over the connections map, dynamic auth_parameters/basic blocks)
# and examples/with-api-destination/main.tf @ 10b1d3c (basic.password = random_pet.this.id, here a root variable)
provider "aws" {
  region = "eu-west-1"
}
variable "bin_password" { # a root variable: the way the rule says a credential should come in
  type    = string
  default = "happy-cat" # upstream: random_pet.this.id (not sensitive)
}
module "eb" {
  source = "./m"
  connections = {
    requestbin = { password = var.bin_password }
  }
}
