# Seed mistake: the instance's user_data exports an access key pair and a database URL with its password.
# Expect: aws_instance.web
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "us-east-1"
}

resource "aws_instance" "web" {
  ami                         = "ami-0c55b159cbfafe1f0"
  instance_type               = "t3.micro"
  associate_public_ip_address = false

  user_data = <<-EOT
    #!/bin/bash
    export AWS_ACCESS_KEY_ID=AKIAQWERTYUIOPASDFGH
    export DATABASE_URL=postgres://orders:Wint3r-is-c0ming@orders.internal:5432/orders
    /opt/shop/start.sh
  EOT
}
