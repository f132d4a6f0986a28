package leakguard.rules.aws.opensearch.tls_test

import data.leakguard.rules.aws.opensearch.tls as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

domain(values) := t.resource("aws_opensearch_domain.search", object.union({"domain_name": "search"}, values), {})

secure := {
	"node_to_node_encryption": [{"enabled": true}],
	"domain_endpoint_options": [{"enforce_https": true, "tls_security_policy": "Policy-Min-TLS-1-2-2019-07"}],
}

failing_input := t.with_index([domain({})])

test_defaults_fail if {
	k.summary(rule.deny) == {["aws-opensearch-tls", "test/aws_opensearch_domain.search", "OpenSearch domain aws_opensearch_domain.search lacks node-to-node encryption, enforce_https, a TLS 1.2 minimum (no tls_security_policy)"]} with input as failing_input
}

test_old_tls_policy_fails if {
	r := domain(object.union(secure, {"domain_endpoint_options": [{"enforce_https": true, "tls_security_policy": "Policy-Min-TLS-1-0-2019-07"}]}))
	k.summary(rule.deny) == {["aws-opensearch-tls", "test/aws_opensearch_domain.search", "OpenSearch domain aws_opensearch_domain.search lacks a TLS 1.2 minimum (tls_security_policy Policy-Min-TLS-1-0-2019-07)"]} with input as t.with_index([r])
}

test_secure_passes if {
	count(rule.deny) == 0 with input as t.with_index([domain(secure)])
	legacy := t.resource("aws_elasticsearch_domain.l", object.union({"domain_name": "l"}, secure), {})
	count(rule.deny) == 0 with input as t.with_index([legacy])
}

test_unknown_settings_fail if {
	r := domain({"node_to_node_encryption": [{"enabled": "${var.n2n}"}], "domain_endpoint_options": [{"enforce_https": true, "tls_security_policy": "${var.tls}"}]})
	k.summary(rule.deny) == {["aws-opensearch-tls", "test/aws_opensearch_domain.search", "OpenSearch domain aws_opensearch_domain.search lacks node-to-node encryption (not readable before apply), a TLS 1.2 minimum (tls_security_policy not readable before apply)"]} with input as t.with_index([r])
}
