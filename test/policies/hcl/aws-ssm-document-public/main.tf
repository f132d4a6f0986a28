# Seed mistake: An operations runbook document is shared with every AWS account (account_ids "All").
# Expect: aws_ssm_document.restart_checkout
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "us-west-2"
}

resource "aws_ssm_document" "restart_checkout" {
  name          = "shop-restart-checkout"
  document_type = "Command"
  content = jsonencode({
    schemaVersion = "2.2"
    description   = "Restart the checkout service"
    mainSteps = [{
      action = "aws:runShellScript"
      name   = "restart"
      inputs = { runCommand = ["systemctl restart checkout"] }
    }]
  })
  permissions = {
    type        = "Share"
    account_ids = "All"
  }
}
