# Found by an audit of public Terraform (session 30): d-secret-json-module-input — jsonencode({password = "<literal>"}) passed into a module: credential in code not reported, not "not checked"
# Reduced from terraform-aws-modules/terraform-aws-secrets-manager examples/complete (module "secrets_manager_rotate") @ 1e7ccd7
provider "aws" {
  region = "us-east-1"
}
module "json" {
  source = "./m"
  secret_string = jsonencode({
    engine   = "mariadb",
    username = "Bill",
    password = "ThisIsMySuperSecretString12356!"
  })
}
module "plain" {
  source        = "./m"
  secret_string = "ThisIsMySuperSecretString12356!&*()"
}
