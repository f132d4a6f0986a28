# Audit j1 (an ECS Fargate web app behind an internet-facing ALB): listeners that passed in
# silence. Plain HTTP forwarded (by the default action or by a listener rule), a redirect
# that keeps HTTP, TLS 1.0 policies (named, and the provider's default), next to the forms
# that pass: a redirect to HTTPS, a TLS 1.2+ policy, an internal load balancer.
provider "aws" {
  region = "us-east-1"
}

variable "internal" {
  type    = bool
  default = false
}

resource "aws_lb" "public" {
  name               = "shop-public"
  load_balancer_type = "application"
  internal           = var.internal
  subnets            = ["subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719"]
}

resource "aws_lb" "private" {
  name               = "shop-private"
  load_balancer_type = "application"
  internal           = true
  subnets            = ["subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719"]
}

resource "aws_lb_target_group" "web" {
  name     = "shop-web"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = "vpc-0a1b2c3d4e5f60718"
}

locals {
  listeners = {
    redirect = { port = 80, type = "redirect" }
    forward  = { port = 8080, type = "forward" }
  }
}

resource "aws_lb_listener" "http" {
  for_each          = local.listeners
  load_balancer_arn = aws_lb.public.arn
  port              = each.value.port
  protocol          = "HTTP"

  default_action {
    type             = each.value.type
    target_group_arn = each.value.type == "forward" ? aws_lb_target_group.web.arn : null

    dynamic "redirect" {
      for_each = each.value.type == "redirect" ? [1] : []
      content {
        protocol    = "HTTPS"
        port        = "443"
        status_code = "HTTP_301"
      }
    }
  }
}

resource "aws_lb_listener" "same_protocol" {
  load_balancer_arn = aws_lb.public.arn
  port              = 8081
  protocol          = "HTTP"

  default_action {
    type = "redirect"
    redirect {
      host        = "www.example.com"
      status_code = "HTTP_302"
    }
  }
}

resource "aws_lb_listener" "tls10" {
  load_balancer_arn = aws_lb.public.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS-1-0-2015-04"
  certificate_arn   = "arn:aws:acm:us-east-1:111122223333:certificate/12345678-1234-1234-1234-123456789012"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

resource "aws_lb_listener" "default_policy" {
  load_balancer_arn = aws_lb.public.arn
  port              = 8443
  protocol          = "HTTPS"
  certificate_arn   = "arn:aws:acm:us-east-1:111122223333:certificate/12345678-1234-1234-1234-123456789012"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

resource "aws_lb_listener" "modern" {
  load_balancer_arn = aws_lb.public.arn
  port              = 9443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = "arn:aws:acm:us-east-1:111122223333:certificate/12345678-1234-1234-1234-123456789012"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

resource "aws_lb_listener_rule" "api" {
  listener_arn = aws_lb_listener.http["redirect"].arn

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }

  condition {
    path_pattern {
      values = ["/api/*"]
    }
  }
}

resource "aws_lb_listener" "internal" {
  load_balancer_arn = aws_lb.private.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}
