package leakguard.rules.aws.opensearch.encryption_at_rest_test

import data.leakguard.rules.aws.opensearch.encryption_at_rest as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

domain(values) := t.resource("aws_opensearch_domain.search", object.union({"domain_name": "search"}, values), {})

failing_input := t.with_index([t.resource("aws_elasticsearch_domain.legacy", {"domain_name": "legacy"}, {})])

test_unencrypted_fails if {
	k.summary(rule.deny) == {["aws-opensearch-encryption-at-rest", "test/aws_elasticsearch_domain.legacy", "Elasticsearch domain aws_elasticsearch_domain.legacy is not encrypted at rest (encrypt_at_rest.enabled is not true)"]} with input as failing_input
	count(rule.deny) == 1 with input as t.with_index([domain({"encrypt_at_rest": [{"enabled": false}]})])
}

test_aws_managed_key_fails_unless_classified_non_pii if {
	r := domain({"encrypt_at_rest": [{"enabled": true}]})
	k.summary(rule.deny) == {["aws-opensearch-encryption-at-rest", "test/aws_opensearch_domain.search", "OpenSearch domain aws_opensearch_domain.search is encrypted with an AWS-managed key, but it is classified pii: set encrypt_at_rest.kms_key_id to a customer-managed key"]} with input as t.with_index([k.tagged(r, {"data-classification": "pii"})])
	count(rule.deny) == 1 with input as t.with_index([r])
	count(rule.deny) == 0 with input as t.with_index([k.tagged(r, {"data-classification": "internal"})])
}

test_cmk_passes if {
	count(rule.deny) == 0 with input as t.with_index([domain({"encrypt_at_rest": [{"enabled": true, "kms_key_id": "arn:aws:kms:us-west-2:111122223333:key/k"}]})])
	count(rule.deny) == 0 with input as t.with_index([domain({"encrypt_at_rest": {"enabled": true, "kms_key_id": "${aws_kms_key.k.arn}"}})])
	count(rule.deny) == 1 with input as t.with_index([domain({"encrypt_at_rest": {"enabled": true, "kms_key_id": "alias/aws/es"}})])
}

test_unknown_flag_fails if {
	r := object.union(k.unknown(domain({}), ["encrypt_at_rest.enabled"]), {"references": {"encrypt_at_rest.enabled": ["test/aws_ssm_parameter.p"]}})
	k.summary(rule.deny) == {["aws-opensearch-encryption-at-rest", "test/aws_opensearch_domain.search", "OpenSearch domain aws_opensearch_domain.search has encrypt_at_rest.enabled unknown before apply; its encryption at rest cannot be verified"]} with input as t.with_index([r])
}
