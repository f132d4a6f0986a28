package leakguard.rules.aws.redshift.audit_logging_test

import data.leakguard.rules.aws.redshift.audit_logging as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

cluster(values) := t.resource("aws_redshift_cluster.analytics", object.union({"cluster_identifier": "analytics", "node_type": "ra3.xlplus"}, values), {})

failing_input := t.with_index([cluster({})])

test_no_logging_fails if {
	k.summary(rule.deny) == {["aws-redshift-audit-logging", "test/aws_redshift_cluster.analytics", "Redshift cluster aws_redshift_cluster.analytics has no audit logging (no logging block or aws_redshift_logging)"]} with input as failing_input
	count(rule.deny) == 1 with input as t.with_index([cluster({"logging": [{"enable": false}]})])
}

test_logging_passes if {
	count(rule.deny) == 0 with input as t.with_index([cluster({"logging": [{"enable": true, "log_destination_type": "cloudwatch"}]})])
	by_ref := t.resource("aws_redshift_logging.a", {"cluster_identifier": "${aws_redshift_cluster.analytics.id}"}, {"cluster_identifier": ["aws_redshift_cluster.analytics"]})
	count(rule.deny) == 0 with input as t.with_index([cluster({}), by_ref])
	by_name := t.resource("aws_redshift_logging.a", {"cluster_identifier": "analytics"}, {})
	count(rule.deny) == 0 with input as t.with_index([cluster({}), by_name])
}

ns(values) := t.resource("aws_redshiftserverless_namespace.ns", object.union({"namespace_name": "ns"}, values), {})

test_serverless_namespace if {
	k.summary(rule.deny) == {["aws-redshift-audit-logging", "test/aws_redshiftserverless_namespace.ns", "Redshift Serverless namespace aws_redshiftserverless_namespace.ns does not export connectionlog, useractivitylog"]} with input as t.with_index([ns({})])
	count(rule.deny) == 1 with input as t.with_index([ns({"log_exports": ["userlog", "connectionlog"]})])
	count(rule.deny) == 0 with input as t.with_index([ns({"log_exports": ["userlog", "connectionlog", "useractivitylog"]})])
}

test_unknown_fails if {
	count(rule.deny) == 1 with input as t.with_index([cluster({"logging": [{"enable": "${var.log}"}]})])
	unresolved := object.union(k.unknown(ns({}), ["log_exports"]), {"references": {"log_exports": ["test/terraform_data.x"]}})
	count(rule.deny) == 1 with input as t.with_index([unresolved])
}

# log_exports on a cluster (inline, or on aws_redshift_logging): CloudWatch gets only the logs listed.
inline(exports) := cluster({"logging": [{"enable": true, "log_destination_type": "cloudwatch", "log_exports": exports}]})

separate(exports) := t.resource("aws_redshift_logging.a", {"cluster_identifier": "analytics", "log_destination_type": "cloudwatch", "log_exports": exports}, {})

test_cluster_export_list if {
	k.summary(rule.deny) == {["aws-redshift-audit-logging", "test/aws_redshift_cluster.analytics", "Redshift cluster aws_redshift_cluster.analytics exports only connectionlog, not useractivitylog: who connected is recorded, not what they ran"]} with input as t.with_index([inline(["connectionlog"])])
	count(rule.deny) == 0 with input as t.with_index([inline(["connectionlog", "useractivitylog", "userlog"])])
	count(rule.deny) == 1 with input as t.with_index([cluster({}), separate(["userlog"])])
	count(rule.deny) == 0 with input as t.with_index([cluster({}), separate(["connectionlog", "useractivitylog"])])

	# S3 without a list: every log.
	count(rule.deny) == 0 with input as t.with_index([cluster({}), t.resource("aws_redshift_logging.a", {"cluster_identifier": "analytics", "log_destination_type": "s3", "bucket_name": "logs"}, {})])
	unresolved := object.union(k.unknown(separate(null), ["log_exports"]), {"references": {"log_exports": ["test/terraform_data.x"]}})
	k.summary(rule.deny) == {["aws-redshift-audit-logging", "test/aws_redshift_cluster.analytics", "Redshift cluster aws_redshift_cluster.analytics has log_exports unknown before apply; which logs it exports cannot be verified"]} with input as t.with_index([cluster({}), unresolved])
}
