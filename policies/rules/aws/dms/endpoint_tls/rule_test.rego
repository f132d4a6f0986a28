package leakguard.rules.aws.dms.endpoint_tls_test

import data.leakguard.rules.aws.dms.endpoint_tls as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

endpoint(values) := t.resource("aws_dms_endpoint.source", object.union({"endpoint_id": "crm-source", "endpoint_type": "source", "engine_name": "mysql", "server_name": "crm-db.example.com", "port": 3306}, values), {})

failing_input := t.with_index([endpoint({"ssl_mode": "none"})])

test_plain_database_connection_fails if {
	k.summary(rule.deny) == {["aws-dms-endpoint-tls", "test/aws_dms_endpoint.source", "DMS endpoint aws_dms_endpoint.source (mysql) connects without TLS (ssl_mode = none): the replicated data and the endpoint's credentials cross the network in plain text"]} with input as failing_input
}

test_unset_ssl_mode_is_none if {
	k.summary(rule.deny) == {["aws-dms-endpoint-tls", "test/aws_dms_endpoint.source", "DMS endpoint aws_dms_endpoint.source (postgres) connects without TLS (ssl_mode unset, none by default): the replicated data and the endpoint's credentials cross the network in plain text"]} with input as t.with_index([endpoint({"engine_name": "postgres"})])

	# In a plan an unset ssl_mode is computed (unknown, configured nowhere): still none.
	count(rule.deny) == 1 with input as t.with_index([k.unknown(endpoint({}), ["ssl_mode"])])
}

test_tls_or_https_engines_pass if {
	every mode in ["require", "verify-ca", "verify-full"] {
		count(rule.deny) == 0 with input as t.with_index([endpoint({"ssl_mode": mode})])
	}
	every engine in ["s3", "dynamodb", "kinesis", "opensearch", "redshift", "neptune"] {
		count(rule.deny) == 0 with input as t.with_index([endpoint({"engine_name": engine, "ssl_mode": "none"})])
	}
	count(rule.deny) == 0 with input as t.with_index([endpoint({"engine_name": "redis", "redis_settings": [{"auth_type": "auth-role", "server_name": "cache", "port": 6379}]})])
	count(rule.deny) == 0 with input as t.with_index([endpoint({"engine_name": "redis", "redis_settings": [{"auth_type": "auth-role", "server_name": "cache", "port": 6379, "ssl_security_protocol": "ssl-encryption"}]})])
	count(rule.deny) == 0 with input as t.with_index([endpoint({"engine_name": "kafka", "kafka_settings": [{"broker": "b-1:9094", "security_protocol": "ssl-encryption"}]})])
}

test_plaintext_redis_and_kafka_fail if {
	k.summary(rule.deny) == {["aws-dms-endpoint-tls", "test/aws_dms_endpoint.source", "DMS endpoint aws_dms_endpoint.source sends the replicated data to Redis without TLS (redis_settings.ssl_security_protocol = plaintext)"]} with input as t.with_index([endpoint({"engine_name": "redis", "redis_settings": [{"auth_type": "auth-token", "server_name": "cache", "port": 6379, "ssl_security_protocol": "plaintext"}]})])
	k.summary(rule.deny) == {["aws-dms-endpoint-tls", "test/aws_dms_endpoint.source", "DMS endpoint aws_dms_endpoint.source sends the replicated data to Kafka without TLS (kafka_settings.security_protocol = plaintext)"]} with input as t.with_index([endpoint({"engine_name": "kafka", "kafka_settings": [{"broker": "b-1:9092", "security_protocol": "plaintext"}]})])
}

test_unknown_settings_fail if {
	k.summary(rule.deny) == {["aws-dms-endpoint-tls", "test/aws_dms_endpoint.source", "DMS endpoint aws_dms_endpoint.source (mysql) has ssl_mode unknown before apply; that its connection is encrypted cannot be verified"]} with input as t.with_index([endpoint({"ssl_mode": "${var.ssl_mode}"})])
	k.summary(rule.deny) == {["aws-dms-endpoint-tls", "test/aws_dms_endpoint.source", "DMS endpoint aws_dms_endpoint.source (engine unknown at plan time) connects without TLS (ssl_mode = none): the replicated data and the endpoint's credentials cross the network in plain text"]} with input as t.with_index([endpoint({"engine_name": "${var.engine}", "ssl_mode": "none"})])
	k.summary(rule.deny) == {["aws-dms-endpoint-tls", "test/aws_dms_endpoint.source", "DMS endpoint aws_dms_endpoint.source has redis_settings.ssl_security_protocol unknown before apply; that its Redis connection is encrypted cannot be verified"]} with input as t.with_index([endpoint({"engine_name": "redis", "redis_settings": [{"auth_type": "auth-role", "server_name": "cache", "port": 6379, "ssl_security_protocol": "${var.protocol}"}]})])
}
