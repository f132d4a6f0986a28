# Seed mistake: Glue Data Catalog encryption settings that leave metadata and connection passwords unencrypted.
# Expect: aws_glue_data_catalog_encryption_settings.this
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "us-west-2"
}

resource "aws_glue_data_catalog_encryption_settings" "this" {
  data_catalog_encryption_settings {
    encryption_at_rest {
      catalog_encryption_mode = "DISABLED"
    }

    connection_password_encryption {
      return_connection_password_encrypted = false
    }
  }
}
