# Audit j1 (a Kinesis → Firehose → S3 / Glue / Athena pipeline): credentials the secret scan
# did not read. A Splunk HEC token (the provider shows hec_token in plans), a Glue job's
# arguments to its script and a Glue connection's properties (hidden by the provider).
provider "aws" {
  region = "us-east-1"
}

variable "etl_password" {
  type      = string
  sensitive = true
  default   = null
}

resource "aws_kinesis_firehose_delivery_stream" "logs_to_splunk" {
  name        = "app-logs-to-splunk"
  destination = "splunk"

  server_side_encryption {
    enabled  = true
    key_type = "CUSTOMER_MANAGED_CMK"
    key_arn  = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  }

  splunk_configuration {
    hec_endpoint      = "https://http-inputs-acme.splunkcloud.com:443"
    hec_token         = "51D4DA16-C61B-4F5F-8EC7-ED4301342A4A"
    hec_endpoint_type = "Event"
    s3_backup_mode    = "FailedEventsOnly"

    s3_configuration {
      role_arn   = "arn:aws:iam::123456789012:role/firehose-logs-role"
      bucket_arn = "arn:aws:s3:::my-app-logs-123456789012"
    }
  }
}

resource "aws_glue_job" "orders_export" {
  name     = "orders-export"
  role_arn = "arn:aws:iam::123456789012:role/glue-orders-export"
  command {
    script_location = "s3://my-app-logs-123456789012/scripts/export.py"
  }
  default_arguments = {
    "--db_password"    = "Sup3rS3cretEtl!2024"
    "--enable-metrics" = "true"
  }
}

resource "aws_glue_job" "orders_import" {
  name     = "orders-import"
  role_arn = "arn:aws:iam::123456789012:role/glue-orders-export"
  command {
    script_location = "s3://my-app-logs-123456789012/scripts/import.py"
  }
  non_overridable_arguments = {
    "--DB_PASSWORD" = "Wq8vLr2pZt6xNb4kQ7sD"
  }
}

# Arguments from a sensitive variable: nothing written in the code.
resource "aws_glue_job" "orders_clean" {
  name     = "orders-clean"
  role_arn = "arn:aws:iam::123456789012:role/glue-orders-export"
  command {
    script_location = "s3://my-app-logs-123456789012/scripts/clean.py"
  }
  default_arguments = {
    "--db_password" = var.etl_password
  }
}

resource "aws_glue_connection" "orders_db" {
  name = "orders-postgres"
  connection_properties = {
    JDBC_CONNECTION_URL = "jdbc:postgresql://orders.cluster-abc.us-east-1.rds.amazonaws.com:5432/orders"
    USERNAME            = "etl_user"
    PASSWORD            = "Sup3rS3cretEtl!2024"
  }
}
