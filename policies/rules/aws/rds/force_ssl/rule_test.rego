package leakguard.rules.aws.rds.force_ssl_test

import data.leakguard.rules.aws.rds.force_ssl as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

group(family, params) := t.resource("aws_db_parameter_group.orders", {"name": "orders-params", "family": family, "parameter": params}, {})

instance(values, refs) := t.resource("aws_db_instance.orders", object.union({"identifier": "orders", "engine": "postgres", "engine_version": "14.12"}, values), refs)

linked(values) := instance(object.union({"parameter_group_name": "${aws_db_parameter_group.orders.name}"}, values), {"parameter_group_name": ["aws_db_parameter_group.orders"]})

test_postgres_14_group_without_force_ssl_fails if {
	k.summary(rule.deny) == {["aws-rds-force-ssl", "test/aws_db_instance.orders", "RDS instance aws_db_instance.orders accepts connections without TLS: aws_db_parameter_group.orders does not set rds.force_ssl on"]} with input as t.with_index([group("postgres14", [{"name": "log_connections", "value": "1"}]), linked({})])
	count(rule.deny) == 1 with input as t.with_index([group("postgres16", [{"name": "rds.force_ssl", "value": "0"}]), linked({"engine_version": "16.4"})])
}

test_force_ssl_or_new_defaults_pass if {
	count(rule.deny) == 0 with input as t.with_index([group("postgres14", [{"name": "rds.force_ssl", "value": "1"}]), linked({})])

	# CDKTF and HCL numbers reach the rule as numbers.
	count(rule.deny) == 0 with input as t.with_index([group("postgres14", [{"name": "rds.force_ssl", "value": 1}]), linked({})])

	# PostgreSQL 15 and later force TLS by default, in a custom group and the default one.
	count(rule.deny) == 0 with input as t.with_index([group("postgres15", []), linked({"engine_version": "15.7"})])
	count(rule.deny) == 0 with input as t.with_index([instance({"engine_version": "16.4"}, {})])
	count(rule.deny) == 0 with input as t.with_index([instance({"engine_version": null}, {})])
	count(rule.deny) == 0 with input as t.with_index([instance({"parameter_group_name": "default.postgres17"}, {})])

	# Named literally, as brownfield code does.
	count(rule.deny) == 0 with input as t.with_index([group("postgres14", [{"name": "rds.force_ssl", "value": "1"}]), instance({"parameter_group_name": "orders-params"}, {})])

	# A cluster member is judged through its cluster.
	count(rule.deny) == 0 with input as t.with_index([instance({"cluster_identifier": "orders", "engine": "aurora-postgresql"}, {})])
}

test_default_groups_of_old_versions_fail if {
	k.summary(rule.deny) == {["aws-rds-force-ssl", "test/aws_db_instance.orders", "RDS instance aws_db_instance.orders accepts connections without TLS: the default parameter group of postgres 14.12 does not set rds.force_ssl on"]} with input as t.with_index([instance({}, {})])
	k.summary(rule.deny) == {["aws-rds-force-ssl", "test/aws_db_instance.orders", "RDS instance aws_db_instance.orders accepts connections without TLS: default.mysql8.0 does not set require_secure_transport on"]} with input as t.with_index([instance({"engine": "mysql", "engine_version": "8.0.39", "parameter_group_name": "default.mysql8.0"}, {})])
	count(rule.deny) == 1 with input as t.with_index([instance({"engine": "mysql", "engine_version": null}, {})])
	count(rule.deny) == 1 with input as t.with_index([instance({"engine": "sqlserver-se", "engine_version": "15.00"}, {})])
	count(rule.deny) == 1 with input as t.with_index([instance({"engine": "mariadb", "engine_version": "10.11.9"}, {})])
	count(rule.deny) == 0 with input as t.with_index([instance({"engine": "mariadb", "engine_version": "11.8.2"}, {})])
	count(rule.deny) == 0 with input as t.with_index([instance({"engine": "mysql", "engine_version": "9.7.0"}, {})])
}

mysql_group(params) := t.resource("aws_db_parameter_group.orders", {"name": "orders-params", "family": "mysql8.0", "parameter": params}, {})

test_mysql_require_secure_transport if {
	count(rule.deny) == 0 with input as t.with_index([mysql_group([{"name": "require_secure_transport", "value": "ON"}]), linked({"engine": "mysql", "engine_version": "8.0.39"})])
	count(rule.deny) == 0 with input as t.with_index([mysql_group([{"name": "require_secure_transport", "value": "1"}]), linked({"engine": "mysql", "engine_version": "8.0.39"})])
	count(rule.deny) == 1 with input as t.with_index([mysql_group([{"name": "require_secure_transport", "value": "OFF"}]), linked({"engine": "mysql", "engine_version": "8.0.39"})])

	# The PostgreSQL parameter does nothing for MySQL.
	count(rule.deny) == 1 with input as t.with_index([mysql_group([{"name": "rds.force_ssl", "value": "1"}]), linked({"engine": "mysql", "engine_version": "8.0.39"})])
}

cluster_group(params) := t.resource("aws_rds_cluster_parameter_group.orders", {"name": "orders-cluster", "family": "aurora-mysql8.0", "parameter": params}, {})

cluster(values, refs) := t.resource("aws_rds_cluster.orders", object.union({"cluster_identifier": "orders", "engine": "aurora-mysql", "engine_version": "8.0.mysql_aurora.3.05.2"}, values), refs)

linked_cluster := cluster({"db_cluster_parameter_group_name": "${aws_rds_cluster_parameter_group.orders.name}"}, {"db_cluster_parameter_group_name": ["aws_rds_cluster_parameter_group.orders"]})

test_aurora_clusters if {
	k.summary(rule.deny) == {["aws-rds-force-ssl", "test/aws_rds_cluster.orders", "RDS cluster aws_rds_cluster.orders accepts connections without TLS: aws_rds_cluster_parameter_group.orders does not set require_secure_transport on"]} with input as t.with_index([cluster_group([]), linked_cluster])
	count(rule.deny) == 0 with input as t.with_index([cluster_group([{"name": "require_secure_transport", "value": "ON"}]), linked_cluster])
	count(rule.deny) == 1 with input as t.with_index([cluster({}, {})])
	count(rule.deny) == 1 with input as t.with_index([cluster({"engine": "aurora-postgresql", "engine_version": "16.4"}, {})])
}

test_unknown_fails if {
	k.summary(rule.deny) == {["aws-rds-force-ssl", "test/aws_db_instance.orders", "RDS instance aws_db_instance.orders uses shared-params, which is not in this input; whether it sets rds.force_ssl (TLS only) cannot be verified"]} with input as t.with_index([instance({"parameter_group_name": "shared-params"}, {})])
	count(rule.deny) == 1 with input as t.with_index([instance({"parameter_group_name": "${var.group}"}, {})])
	count(rule.deny) == 1 with input as t.with_index([group("postgres14", [{"name": "rds.force_ssl", "value": "${var.ssl}"}]), linked({})])
	count(rule.deny) == 1 with input as t.with_index([group("${var.family}", []), linked({})])
	count(rule.deny) == 1 with input as t.with_index([instance({"engine_version": "${var.version}"}, {})])
	count(rule.deny) == 1 with input as t.with_index([instance({"engine": "${var.engine}"}, {})])
	count(rule.deny) == 1 with input as t.with_index([instance({"engine": null}, {})])
	k.summary(rule.deny) == {["aws-rds-force-ssl", "test/aws_db_instance.orders", "RDS instance aws_db_instance.orders runs oracle-ee, whose TLS enforcement (option groups, listeners) this rule does not read; it cannot be verified"]} with input as t.with_index([instance({"engine": "oracle-ee"}, {})])
}
