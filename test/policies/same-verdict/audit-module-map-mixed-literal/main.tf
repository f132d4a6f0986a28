# Found by an audit of public Terraform (session 31): f-module-map-mixed-literal
# Reduced from terraform-aws-modules/terraform-aws-eventbridge examples/with-api-destination/main.tf @ 10b1d3c
# (connections map: smee.client_secret = "Pass1234!" next to entries a variable gives) and main.tf @ 0099c43
# (for_each over the map, filtered or not, and dynamic auth_parameters blocks): HCL had passed the literal.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "5.100.0"
    }
  }
}
provider "aws" {
  region = "eu-west-1"
}
variable "pet" {
  type    = string
  default = "happy-cat"
}
resource "aws_cloudwatch_event_connection" "root_literal" {
  name               = "root-literal"
  authorization_type = "OAUTH_CLIENT_CREDENTIALS"
  auth_parameters {
    oauth {
      authorization_endpoint = "https://smee.io/x"
      http_method            = "GET"
      oauth_http_parameters {
        header {
          key   = "h"
          value = "v"
        }
      }
      client_parameters {
        client_id     = "1234567890"
        client_secret = "Pass1234!"
      }
    }
  }
}
resource "aws_cloudwatch_event_connection" "root_var" {
  name               = "root-var"
  authorization_type = "BASIC"
  auth_parameters {
    basic {
      username = var.pet
      password = var.pet
    }
  }
}
module "m" {
  source = "./m"
  connections = {
    smee = { client_secret = "Pass1234!" }
    bin  = { password = var.pet }
  }
}
