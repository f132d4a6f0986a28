# Found by an audit of public Terraform (session 32): h2-sfn-definition-secret
# terraform-aws-modules/terraform-aws-step-functions examples/complete @0fe6b2ec170d78a793dee403134fc25f09156406 (module main.tf @9eea3d9c passes `definition = var.definition` through); full run /work/a
provider "aws" {
  region = "eu-west-1"
}

resource "aws_sfn_state_machine" "this" {
  name     = "notify"
  role_arn = "arn:aws:iam::123456789012:role/sfn"
  definition = jsonencode({
    StartAt = "Notify"
    States = {
      Notify = {
        Type     = "Task"
        Resource = "arn:aws:states:::lambda:invoke"
        Parameters = {
          FunctionName = "arn:aws:lambda:eu-west-1:123456789012:function:notify"
          Payload = {
            slack_webhook = "https://hooks.slack.com/services/T0AAAAAAA/B0BBBBBBB/abcdefghijklmnopqrstuvwx"
            DB_PASSWORD   = "Zr8!mW3qNc6@yH1p"
          }
        }
        Next = "Call"
      }
      Call = {
        Type     = "Task"
        Resource = "arn:aws:states:::http:invoke"
        Parameters = {
          ApiEndpoint = "https://api.example.com/orders"
          Method      = "POST"
          Headers     = { Authorization = "Bearer ghp_8f3kD9aLq2ZxV7mN4bR1tY6uP0sW5eC3hJ2k" }
          Authentication = { ConnectionArn = "arn:aws:events:eu-west-1:123456789012:connection/x/abc" }
        }
        End = true
      }
    }
  })
}

# control: the same payload as a Lambda environment is reported
resource "aws_lambda_function" "control" {
  function_name = "control"
  role          = "arn:aws:iam::123456789012:role/lambda"
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  filename      = "f.zip"
  environment {
    variables = {
      SLACK_WEBHOOK = "https://hooks.slack.com/services/T0AAAAAAA/B0BBBBBBB/abcdefghijklmnopqrstuvwx"
      DB_PASSWORD   = "Zr8!mW3qNc6@yH1p"
    }
  }
}
