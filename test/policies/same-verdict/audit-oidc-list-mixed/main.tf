# Audit j2 (terraform-aws-alb v8): a module's list of HTTPS listeners, each with OIDC settings
# read in dynamic blocks beside a forward action. One element's client secret comes from a
# Cognito app client (known after apply), the other is a literal: beside its plan, the literal
# had passed in silence (HCL flagged it).
provider "aws" {
  region = "eu-west-1"
}

resource "aws_cognito_user_pool" "this" {
  name = "shop"
}

resource "aws_cognito_user_pool_client" "alb" {
  name            = "alb"
  user_pool_id    = aws_cognito_user_pool.this.id
  generate_secret = true
}

module "alb" {
  source = "./modules/lb"
  https_listeners = [
    {
      port            = 444
      certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012"
      authenticate_oidc = {
        authorization_endpoint = "https://login.example.com/auth"
        client_id              = aws_cognito_user_pool_client.alb.id
        client_secret          = aws_cognito_user_pool_client.alb.client_secret
        issuer                 = "https://login.example.com"
        token_endpoint         = "https://login.example.com/token"
        user_info_endpoint     = "https://login.example.com/userinfo"
      }
    },
    {
      port            = 443
      certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012"
      authenticate_oidc = {
        authorization_endpoint = "https://login.example.com/auth"
        client_id              = "shop-alb"
        client_secret          = "q8Jv2mX9tLw4Rz7Kp1Nc6Hd3Fs5Gb0Ye"
        issuer                 = "https://login.example.com"
        token_endpoint         = "https://login.example.com/token"
        user_info_endpoint     = "https://login.example.com/userinfo"
      }
    },
  ]
}
