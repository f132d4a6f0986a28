package leakguard.rules.aws.docdb.tls_test

import data.leakguard.rules.aws.docdb.tls as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

group(value) := t.resource("aws_docdb_cluster_parameter_group.profiles", {"family": "docdb5.0", "parameter": [{"name": "audit_logs", "value": "enabled"}, {"name": "tls", "value": value}]}, {})

failing_input := t.with_index([group("disabled")])

test_tls_disabled_fails if {
	k.summary(rule.deny) == {["aws-docdb-tls", "test/aws_docdb_cluster_parameter_group.profiles", "DocumentDB parameter group aws_docdb_cluster_parameter_group.profiles turns TLS off (tls = disabled)"]} with input as failing_input
}

test_tls_enabled_or_default_passes if {
	count(rule.deny) == 0 with input as t.with_index([group("enabled")])
	count(rule.deny) == 0 with input as t.with_index([group("tls1.2+")])
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_docdb_cluster_parameter_group.d", {"family": "docdb5.0"}, {})])
}

test_unknown_fails if {
	count(rule.deny) == 1 with input as t.with_index([group("${var.tls}")])
}

# The two ways a configured value is unknown: set from a resource (a plan), or unlinked.
hows(path) := [{"unknown": [path], "references": {path: ["test/terraform_data.elsewhere"]}}, {"unknown": [path], "unlinked": [path]}]

test_parameters_unknown_fail_unverified if {
	every how in hows("parameter") {
		g := object.union(t.resource("aws_docdb_cluster_parameter_group.profiles", {"family": "docdb5.0"}, {}), how)
		k.summary(rule.deny) == {["aws-docdb-tls", "test/aws_docdb_cluster_parameter_group.profiles", "DocumentDB parameter group aws_docdb_cluster_parameter_group.profiles has parameters unknown at plan time; that TLS is not turned off cannot be verified"]} with input as t.with_index([g])
	}
}

test_parameter_name_unknown_fails_unverified if {
	every how in hows("parameter.name") {
		g := object.union(t.resource("aws_docdb_cluster_parameter_group.profiles", {"family": "docdb5.0", "parameter": [{"value": "enabled"}, {"value": "disabled"}]}, {}), how)
		k.summary(rule.deny) == {["aws-docdb-tls", "test/aws_docdb_cluster_parameter_group.profiles", "DocumentDB parameter group aws_docdb_cluster_parameter_group.profiles has a parameter name unknown at plan time; that TLS is not turned off cannot be verified"]} with input as t.with_index([g])
	}
}

test_parameter_name_unknown_with_harmless_value_passes if {
	g := object.union(t.resource("aws_docdb_cluster_parameter_group.profiles", {"family": "docdb5.0", "parameter": [{"value": "enabled"}]}, {}), {"unknown": ["parameter.name"], "unlinked": ["parameter.name"]})
	count(rule.deny) == 0 with input as t.with_index([g])
}

test_parameters_computed_pass if {
	g := object.union(t.resource("aws_docdb_cluster_parameter_group.profiles", {"family": "docdb5.0"}, {}), {"unknown": ["parameter"]})
	count(rule.deny) == 0 with input as t.with_index([g])
}
