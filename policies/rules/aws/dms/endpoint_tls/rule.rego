# METADATA
# title: DMS endpoint connects to its database without TLS
# description: |
#   A DMS endpoint is the connection over which a replication task reads a whole customer
#   database (source) or writes it (target). For database engines (MySQL, MariaDB, Aurora,
#   PostgreSQL, Oracle, SQL Server, Db2, SAP ASE, MongoDB, DocumentDB …) TLS is set by
#   ssl_mode, which hashicorp/aws and DMS default to "none": every row and the endpoint's
#   password cross the network in plain text unless ssl_mode is require, verify-ca or
#   verify-full. A Redis target is encrypted unless redis_settings.ssl_security_protocol is
#   "plaintext" (default ssl-encryption); a Kafka target is reported when
#   kafka_settings.security_protocol is "plaintext" (an unset protocol is not judged: DMS
#   documents no default). S3, DynamoDB, Kinesis, OpenSearch/Elasticsearch and Neptune
#   endpoints are reached over HTTPS and Redshift endpoints over SSL by DMS itself, so their
#   ssl_mode is not read.
#   Unknowns: a setting not readable before apply is reported; an engine not readable before
#   apply is held to the ssl_mode requirement.
# custom:
#   id: aws-dms-endpoint-tls
#   control: storage-encryption
#   cloud: aws
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information (in transit); secure configuration of hardware and software
#   remediation: |
#     Set ssl_mode = "verify-full" (or "verify-ca" with certificate_arn naming the database's
#     CA; "require" encrypts without checking the server) on database endpoints; leave
#     redis_settings.ssl_security_protocol at "ssl-encryption" and set
#     kafka_settings.security_protocol to "ssl-encryption", "ssl-authentication" or "sasl-ssl".
#   construct: PrivateReplicationInstance
#   example: |
#     resource "aws_dms_endpoint" "orders_source" {
#       endpoint_id                     = "orders-source"
#       endpoint_type                   = "source"
#       engine_name                     = "aurora-postgresql"
#       database_name                   = "orders"
#       ssl_mode                        = "verify-full"
#       secrets_manager_arn             = "arn:aws:secretsmanager:us-west-2:111122223333:secret:dms/orders-AbCdEf"
#       secrets_manager_access_role_arn = "arn:aws:iam::111122223333:role/dms-secrets-access"
#     }
package leakguard.rules.aws.dms.endpoint_tls

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

# Engines whose connection ssl_mode does not govern: DMS reaches them over HTTPS (or SSL for
# Redshift) by itself, or they carry their own protocol setting (Kafka, Redis, below).
no_ssl_mode := {
	"s3": true,
	"dynamodb": true,
	"kinesis": true,
	"elasticsearch": true,
	"opensearch": true,
	"neptune": true,
	"redshift": true,
	"redshift-serverless": true,
	"kafka": true,
	"redis": true,
}

encrypted_modes := {"require": true, "verify-ca": true, "verify-full": true}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_dms_endpoint")
	engine := stores.text(r, "engine_name")
	not no_ssl_mode[lower(engine)]
	msg := ssl_message(r, engine_label(engine), stores.text(r, "ssl_mode"))
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_dms_endpoint")
	msg := protocol_message(r, "Redis", "redis_settings.ssl_security_protocol", stores.text(r, "redis_settings.ssl_security_protocol"))
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_dms_endpoint")
	msg := protocol_message(r, "Kafka", "kafka_settings.security_protocol", stores.text(r, "kafka_settings.security_protocol"))
}

engine_label("unknown") := "engine unknown at plan time"

engine_label(e) := e if e != "unknown"

ssl_message(r, engine, "unknown") := sprintf("DMS endpoint %s (%s) has ssl_mode unknown before apply; that its connection is encrypted cannot be verified", [r.address, engine])

ssl_message(r, engine, "") := sprintf("DMS endpoint %s (%s) connects without TLS (ssl_mode unset, none by default): the replicated data and the endpoint's credentials cross the network in plain text", [r.address, engine])

ssl_message(r, engine, mode) := sprintf("DMS endpoint %s (%s) connects without TLS (ssl_mode = %s): the replicated data and the endpoint's credentials cross the network in plain text", [r.address, engine, mode]) if {
	not mode in {"", "unknown"}
	not encrypted_modes[lower(mode)]
}

protocol_message(r, kind, path, "unknown") := sprintf("DMS endpoint %s has %s unknown before apply; that its %s connection is encrypted cannot be verified", [r.address, path, kind])

protocol_message(r, kind, path, v) := sprintf("DMS endpoint %s sends the replicated data to %s without TLS (%s = %s)", [r.address, kind, path, v]) if lower(v) == "plaintext"
