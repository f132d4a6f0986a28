variable "connections" {
  type = any
}
resource "aws_cloudwatch_event_connection" "oauth" {
  for_each           = { for k, v in var.connections : k => v if can(v.client_secret) }
  name               = each.key
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
        client_secret = each.value.client_secret
      }
    }
  }
}
resource "aws_cloudwatch_event_connection" "basic" {
  for_each           = { for k, v in var.connections : k => v if can(v.password) }
  name               = each.key
  authorization_type = "BASIC"
  auth_parameters {
    basic {
      username = "u"
      password = each.value.password
    }
  }
}
resource "aws_cloudwatch_event_connection" "dyn" {
  for_each           = var.connections
  name               = "dyn-${each.key}"
  authorization_type = can(each.value.password) ? "BASIC" : "OAUTH_CLIENT_CREDENTIALS"
  dynamic "auth_parameters" {
    for_each = [each.value]
    content {
      dynamic "basic" {
        for_each = can(each.value.password) ? [each.value] : []
        content {
          username = "u"
          password = basic.value.password
        }
      }
      dynamic "oauth" {
        for_each = can(each.value.client_secret) ? [each.value] : []
        content {
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
            client_secret = oauth.value.client_secret
          }
        }
      }
    }
  }
}
