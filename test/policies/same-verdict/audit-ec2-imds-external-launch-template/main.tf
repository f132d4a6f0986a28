# Found by an audit of public Terraform (session 30): e-ec2-imds-external-launch-template — instance from a template not in the input passes IMDS silently
# Module pattern (public module code, see CASE.md): an aws_instance launched from a launch template passed in by
# the caller, here an existing template this configuration does not create or read.
provider "aws" {
  region = "us-east-1"
}

variable "launch_template" {
  type    = any
  default = { name = "shared-web-lt", version = "$Latest" }
}

resource "aws_instance" "from_variable" {
  dynamic "launch_template" {
    for_each = var.launch_template != null ? [var.launch_template] : []
    content {
      id      = lookup(var.launch_template, "id", null)
      name    = lookup(var.launch_template, "name", null)
      version = lookup(var.launch_template, "version", null)
    }
  }
  subnet_id = "subnet-0a1"
}

resource "aws_instance" "from_literal" {
  launch_template {
    name = "shared-web-lt"
  }
  subnet_id = "subnet-0a1"
}

# Control: no template at all -> reported by aws-ec2-imdsv2-required on every side.
resource "aws_instance" "control" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  subnet_id     = "subnet-0a1"
}
