# Shape of terraform-aws-alb v8 (audit j2): a list of listener maps, count-indexed listeners, dynamic default_action / authenticate_oidc.
variable "https_listeners" { type = any }

resource "aws_lb" "this" {
  name    = "shop"
  subnets = ["subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719"]
}

resource "aws_lb_target_group" "this" {
  name     = "shop"
  port     = 80
  protocol = "HTTP"
  vpc_id   = "vpc-0a1b2c3d4e5f60718"
}

resource "aws_lb_listener" "https" {
  count             = length(var.https_listeners)
  load_balancer_arn = aws_lb.this.arn
  port              = var.https_listeners[count.index]["port"]
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.https_listeners[count.index]["certificate_arn"]

  dynamic "default_action" {
    for_each = [var.https_listeners[count.index]]
    content {
      type = "authenticate-oidc"
      dynamic "authenticate_oidc" {
        for_each = [lookup(default_action.value, "authenticate_oidc", {})]
        content {
          authorization_endpoint = authenticate_oidc.value["authorization_endpoint"]
          client_id              = authenticate_oidc.value["client_id"]
          client_secret          = authenticate_oidc.value["client_secret"]
          issuer                 = authenticate_oidc.value["issuer"]
          token_endpoint         = authenticate_oidc.value["token_endpoint"]
          user_info_endpoint     = authenticate_oidc.value["user_info_endpoint"]
        }
      }
    }
  }

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this.arn
  }
}
