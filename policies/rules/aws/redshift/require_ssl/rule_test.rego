package leakguard.rules.aws.redshift.require_ssl_test

import data.leakguard.rules.aws.redshift.require_ssl as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

group(family, params) := t.resource("aws_redshift_parameter_group.warehouse", {"name": "orders-warehouse", "family": family, "parameter": params}, {})

cluster(values, refs) := t.resource("aws_redshift_cluster.warehouse", object.union({"cluster_identifier": "orders"}, values), refs)

linked := cluster({"cluster_parameter_group_name": "${aws_redshift_parameter_group.warehouse.name}"}, {"cluster_parameter_group_name": ["aws_redshift_parameter_group.warehouse"]})

failing_input := t.with_index([group("redshift-1.0", [{"name": "enable_user_activity_logging", "value": "true"}]), linked])

test_group_without_require_ssl_fails if {
	k.summary(rule.deny) == {["aws-redshift-require-ssl", "test/aws_redshift_cluster.warehouse", "Redshift cluster aws_redshift_cluster.warehouse accepts connections without SSL: its parameter group aws_redshift_parameter_group.warehouse does not set require_ssl = true"]} with input as failing_input
	count(rule.deny) == 1 with input as t.with_index([group("redshift-2.0", [{"name": "require_ssl", "value": "false"}]), linked])
}

test_require_ssl_or_new_defaults_pass if {
	count(rule.deny) == 0 with input as t.with_index([group("redshift-1.0", [{"name": "require_ssl", "value": "true"}]), linked])

	# CDKTF and HCL quoted booleans reach the rule as booleans.
	count(rule.deny) == 0 with input as t.with_index([group("redshift-1.0", [{"name": "require_ssl", "value": true}]), linked])
	count(rule.deny) == 1 with input as t.with_index([group("redshift-2.0", [{"name": "require_ssl", "value": false}]), linked])
	count(rule.deny) == 0 with input as t.with_index([group("redshift-2.0", []), linked])
	count(rule.deny) == 0 with input as t.with_index([cluster({}, {})])
	count(rule.deny) == 0 with input as t.with_index([cluster({"cluster_parameter_group_name": "default.redshift-2.0"}, {})])

	# Named literally, as brownfield code does.
	count(rule.deny) == 0 with input as t.with_index([group("redshift-1.0", [{"name": "require_ssl", "value": "TRUE"}]), cluster({"cluster_parameter_group_name": "orders-warehouse"}, {})])
}

test_old_default_group_fails if {
	k.summary(rule.deny) == {["aws-redshift-require-ssl", "test/aws_redshift_cluster.warehouse", "Redshift cluster aws_redshift_cluster.warehouse accepts connections without SSL: its parameter group default.redshift-1.0 does not set require_ssl = true"]} with input as t.with_index([cluster({"cluster_parameter_group_name": "default.redshift-1.0"}, {})])
}

test_unknown_fails if {
	k.summary(rule.deny) == {["aws-redshift-require-ssl", "test/aws_redshift_cluster.warehouse", "Redshift cluster aws_redshift_cluster.warehouse uses shared-group, which is not in this input; whether it requires SSL cannot be verified"]} with input as t.with_index([cluster({"cluster_parameter_group_name": "shared-group"}, {})])
	count(rule.deny) == 1 with input as t.with_index([cluster({"cluster_parameter_group_name": "${var.group}"}, {})])
	count(rule.deny) == 1 with input as t.with_index([group("redshift-1.0", [{"name": "require_ssl", "value": "${var.ssl}"}]), linked])
}

wg(v) := t.resource("aws_redshiftserverless_workgroup.orders", {"workgroup_name": "orders", "config_parameter": [{"parameter_key": "require_ssl", "parameter_value": v}]}, {})

test_serverless_workgroup if {
	k.summary(rule.deny) == {["aws-redshift-require-ssl", "test/aws_redshiftserverless_workgroup.orders", "Redshift Serverless workgroup aws_redshiftserverless_workgroup.orders accepts connections without SSL (require_ssl = false)"]} with input as t.with_index([wg("false")])
	count(rule.deny) == 0 with input as t.with_index([wg("true")])
	count(rule.deny) == 0 with input as t.with_index([wg(true)])
	count(rule.deny) == 1 with input as t.with_index([wg(false)])
	count(rule.deny) == 1 with input as t.with_index([wg("${var.ssl}")])
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_redshiftserverless_workgroup.orders", {"workgroup_name": "orders"}, {})])
}

# A plan of the terraform-aws-modules redshift module: `cluster_parameter_group_name =
# local.parameter_group_name`, unknown before apply and naming no resource (a plan holds no
# locals). Configured, so never read as the default group.
test_group_from_a_local_is_unverified if {
	c := object.union(cluster({}, {}), {"unknown": ["cluster_parameter_group_name"], "unlinked": ["cluster_parameter_group_name"]})
	k.summary(rule.deny) == {["aws-redshift-require-ssl", "test/aws_redshift_cluster.warehouse", "Redshift cluster aws_redshift_cluster.warehouse uses a parameter group set from an expression; whether it requires SSL cannot be verified"]} with input as t.with_index([c])

	# Unknown and not configured: the provider's default group.
	count(rule.deny) == 0 with input as t.with_index([object.union(cluster({}, {}), {"unknown": ["cluster_parameter_group_name"]})])
}
