variable "connections" {
  type = any
}
resource "aws_cloudwatch_event_connection" "this" {
  for_each           = var.connections
  name               = each.key
  authorization_type = "BASIC"
  dynamic "auth_parameters" {
    for_each = [each.value]
    content {
      dynamic "basic" {
        for_each = [each.value]
        content {
          username = "u"
          password = basic.value.password
        }
      }
    }
  }
}
