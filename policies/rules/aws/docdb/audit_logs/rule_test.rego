package leakguard.rules.aws.docdb.audit_logs_test

import data.leakguard.rules.aws.docdb.audit_logs as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

failing_input := t.with_index([t.resource("aws_docdb_cluster.profiles", {"enabled_cloudwatch_logs_exports": ["profiler"]}, {})])

test_no_audit_export_fails if {
	k.summary(rule.deny) == {["aws-cluster-audit-log-exports", "test/aws_docdb_cluster.profiles", "DocumentDB cluster aws_docdb_cluster.profiles does not export its audit log (no \"audit\" in enabled_cloudwatch_logs_exports)"]} with input as failing_input
	k.summary(rule.deny) == {["aws-cluster-audit-log-exports", "test/aws_neptune_cluster.graph", "Neptune cluster aws_neptune_cluster.graph does not export its audit log (no \"audit\" in enable_cloudwatch_logs_exports)"]} with input as t.with_index([t.resource("aws_neptune_cluster.graph", {}, {})])
}

test_audit_export_passes if {
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_docdb_cluster.profiles", {"enabled_cloudwatch_logs_exports": ["audit", "profiler"]}, {})])
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_neptune_cluster.graph", {"enable_cloudwatch_logs_exports": ["audit"]}, {})])
}

test_unknown_fails if {
	r := object.union(k.unknown(t.resource("aws_neptune_cluster.graph", {}, {}), ["enable_cloudwatch_logs_exports"]), {"references": {"enable_cloudwatch_logs_exports": ["test/terraform_data.x"]}})
	k.summary(rule.deny) == {["aws-cluster-audit-log-exports", "test/aws_neptune_cluster.graph", "Neptune cluster aws_neptune_cluster.graph has enable_cloudwatch_logs_exports unknown before apply; its audit log export cannot be verified"]} with input as t.with_index([r])
}
