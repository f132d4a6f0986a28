variable "pw" {
  type    = string
  default = null
}
variable "gen" {
  type    = string
  default = "generated"
}
resource "aws_ssm_parameter" "via_var" { # control: reported on all three sides
  name  = "/a"
  type  = "SecureString"
  value = var.pw
}
resource "aws_ssm_parameter" "via_cond_inline" {
  name  = "/d"
  type  = "SecureString"
  value = var.pw != null ? var.pw : var.gen
}
