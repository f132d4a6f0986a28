# Found by an audit of public Terraform (session 30): e-dms-kafka-sasl-password — literal Kafka SASL password on a DMS endpoint passes on every side
# Reduced from terraform-aws-modules/terraform-aws-dms examples/complete/main.tf @ d7e1dd5a635d6b2fe9dc3b41c6e2505239a81f61
# (kafka-destination endpoint: sasl_password = "password123!" # do better!) and main.tf @ 552e633b (kafka_settings block).
provider "aws" {
  region = "us-east-1"
}

# Control: the same literal as the endpoint's top-level password IS reported (aws-secret-in-code).
resource "aws_dms_endpoint" "postgres_source" {
  endpoint_id   = "dms-ex-postgresql-source"
  endpoint_type = "source"
  engine_name   = "aurora-postgresql"
  database_name = "example"
  username      = "example"
  password      = "password123!"
  port          = 5432
  server_name   = "pg.cluster-abc.us-east-1.rds.amazonaws.com"
  ssl_mode      = "require"
}

# The leak: the Kafka SASL/SCRAM password written as a literal. Reported on no side, and not listed as not checked.
resource "aws_dms_endpoint" "kafka_destination" {
  endpoint_id   = "dms-ex-kafka-destination"
  endpoint_type = "target"
  engine_name   = "kafka"
  ssl_mode      = "none"

  kafka_settings {
    broker            = "b-1.msk.example:9096,b-2.msk.example:9096"
    sasl_username     = "dms-ex-complete"
    sasl_password     = "password123!"
    security_protocol = "sasl-ssl"
    topic             = "kafka-destination-topic"
  }
}
