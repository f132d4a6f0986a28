package leakguard.rules.aws.opensearch.audit_logs_test

import data.leakguard.rules.aws.opensearch.audit_logs as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

domain(values) := t.resource("aws_opensearch_domain.catalog", object.union({"domain_name": "product-catalog"}, values), {})

audit_block := {"log_type": "AUDIT_LOGS", "cloudwatch_log_group_arn": "arn:aws:logs:us-west-2:111122223333:log-group:audit"}

failing_input := t.with_index([domain({"log_publishing_options": [{"log_type": "INDEX_SLOW_LOGS", "cloudwatch_log_group_arn": "arn"}]})])

test_without_audit_logs_fails if {
	k.summary(rule.deny) == {["aws-opensearch-audit-logs", "test/aws_opensearch_domain.catalog", "OpenSearch domain aws_opensearch_domain.catalog does not publish its audit log (no enabled log_publishing_options with log_type AUDIT_LOGS)"]} with input as failing_input
	count(rule.deny) == 1 with input as t.with_index([domain({})])
	count(rule.deny) == 1 with input as t.with_index([domain({"log_publishing_options": []})])
	count(rule.deny) == 1 with input as t.with_index([domain({"log_publishing_options": [object.union(audit_block, {"enabled": false})]})])
	count(rule.deny) == 1 with input as t.with_index([t.resource("aws_elasticsearch_domain.legacy", {"domain_name": "legacy"}, {})])
}

test_audit_logs_pass if {
	count(rule.deny) == 0 with input as t.with_index([domain({"log_publishing_options": [audit_block]})])
	count(rule.deny) == 0 with input as t.with_index([domain({"log_publishing_options": [{"log_type": "ES_APPLICATION_LOGS", "cloudwatch_log_group_arn": "a"}, object.union(audit_block, {"enabled": true})]})])

	# A CDKTF single block is an object.
	count(rule.deny) == 0 with input as t.with_index([domain({"log_publishing_options": audit_block})])
}

test_unknown_fails if {
	k.summary(rule.deny) == {["aws-opensearch-audit-logs", "test/aws_opensearch_domain.catalog", "OpenSearch domain aws_opensearch_domain.catalog has log publishing options not readable before apply; its audit log cannot be verified"]} with input as t.with_index([domain({"log_publishing_options": [{"log_type": "${var.log_type}", "cloudwatch_log_group_arn": "a"}]})])
	count(rule.deny) == 1 with input as t.with_index([domain({"log_publishing_options": "${var.logs}"})])
}
