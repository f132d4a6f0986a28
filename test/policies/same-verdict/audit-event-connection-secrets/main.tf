# Found by an audit of public Terraform (session 32): h2-event-connection-api-key
# Step Functions HTTP Task / EventBridge API destination set-up, built on terraform-aws-modules/terraform-aws-step-functions (examples/complete @0fe6b2ec170d78a793dee403134fc25f09156406, module main.tf 
provider "aws" {
  region = "eu-west-1"
}

# control: reported
resource "aws_cloudwatch_event_connection" "basic" {
  name               = "basic"
  authorization_type = "BASIC"
  auth_parameters {
    basic {
      username = "svc"
      password = "Zr8!mW3qNc6@yH1p"
    }
  }
}

# not reported: API key (auth_parameters.api_key.value, sensitive in hashicorp/aws)
resource "aws_cloudwatch_event_connection" "api_key" {
  name               = "apikey"
  authorization_type = "API_KEY"
  auth_parameters {
    api_key {
      key   = "x-api-key"
      value = "sk_live_4eC39HqLyjWDarjtT1zdp7dcQz8bVw2x"
    }
  }
}

# not reported: a secret header sent on every invocation (is_value_secret = true; sensitive in the schema)
resource "aws_cloudwatch_event_connection" "header" {
  name               = "header"
  authorization_type = "API_KEY"
  auth_parameters {
    api_key {
      key   = "x-api-key"
      value = var.api_key
    }
    invocation_http_parameters {
      header {
        key             = "Authorization"
        value           = "Bearer ghp_8f3kD9aLq2ZxV7mN4bR1tY6uP0sW5eC3hJ2k"
        is_value_secret = true
      }
    }
  }
}

variable "api_key" {
  type      = string
  sensitive = true
  default   = "set-by-the-pipeline" # (a default is in the repository: flagged as a literal is)
}
