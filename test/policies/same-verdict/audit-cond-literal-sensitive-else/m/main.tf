variable "mq_password" {
  type    = string
  default = null
}
variable "generated" { # stands for random_password.x.result (sensitive)
  type      = string
  default   = "generated-elsewhere"
  sensitive = true
}
locals {
  is_set      = var.mq_password != null && var.mq_password != ""
  mq_password = local.is_set ? var.mq_password : join("", [var.generated])
}
resource "aws_ssm_parameter" "pw" {
  name  = "/mq/password"
  type  = "SecureString"
  value = local.mq_password
}
resource "aws_mq_broker" "b" {
  broker_name        = "b"
  engine_type        = "RabbitMQ"
  engine_version     = "3.13"
  host_instance_type = "mq.t3.micro"
  subnet_ids         = ["subnet-0123456789abcdef0"]
  security_groups    = ["sg-0123456789abcdef0"]
  user {
    username = "app"
    password = local.mq_password
  }
}
