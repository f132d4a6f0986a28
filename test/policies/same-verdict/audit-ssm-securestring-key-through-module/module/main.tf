# Reduced from terraform-aws-modules/terraform-aws-ssm-parameter main.tf @ ed4fef9a09b3b5f59845b344350f677bc249d60b
variable "name" { type = string }
variable "value" {
  type    = any
  default = null
}
variable "type" {
  type    = string
  default = null
}
variable "secure_type" {
  type    = bool
  default = null
}
variable "key_id" {
  type    = string
  default = null
}

locals {
  type        = var.type != null ? var.type : (can(tostring(var.value)) ? (try(tobool(var.secure_type) == true, false) ? "SecureString" : "String") : "StringList")
  secure_type = local.type == "SecureString"
}

resource "aws_ssm_parameter" "this" {
  name           = var.name
  type           = local.type
  value          = local.secure_type ? var.value : null
  insecure_value = local.secure_type ? null : var.value
  key_id         = local.secure_type ? var.key_id : null
}
