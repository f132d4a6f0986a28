# Found by an audit of public Terraform (session 30): d-ssm-securestring-key-through-module — one unknown entry in a for_each map hides the AWS-managed key of every other entry (silent pass on HCL and plan beside)
# Reduced from terraform-aws-modules/terraform-aws-ssm-parameter examples/complete/main.tf @ ed4fef9a09b3b5f59845b344350f677bc249d60b
provider "aws" {
  region = "us-east-1"
}

locals {
  parameters = {
    "db_password" = {
      type  = "SecureString"
      value = "secret123123!!!"
    }
    # a second entry whose key is a resource attribute (as the example's "secure_encrypted_true")
    "app_secret_cmk" = {
      type   = "SecureString"
      value  = "secret123123!!!"
      key_id = aws_kms_key.this.id
    }
  }
}

resource "aws_kms_key" "this" {
  enable_key_rotation = true
}

# The example's form: for_each over a local map, key_id = try(each.value.key_id, null)
module "multiple" {
  source   = "./module"
  for_each = local.parameters

  name   = try(each.value.name, each.key)
  value  = try(each.value.value, null)
  type   = try(each.value.type, null)
  key_id = try(each.value.key_id, null)
}

# No for_each, key_id left to the module default (null)
module "single" {
  source = "./module"
  name   = "api_token"
  type   = "SecureString"
  value  = "secret123123!!!"
}

# Control: the same parameter written directly
resource "aws_ssm_parameter" "direct" {
  name  = "direct_password"
  type  = "SecureString"
  value = "secret123123!!!"
}
