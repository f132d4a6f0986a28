package leakguard.rules.aws.timestream.influxdb_public_test

import data.leakguard.rules.aws.timestream.influxdb_public as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

id := "aws-timestream-influxdb-public"

key := "test/aws_timestreaminfluxdb_db_instance.telemetry"

db(values) := t.resource("aws_timestreaminfluxdb_db_instance.telemetry", object.union({"name": "telemetry", "allocated_storage": 20, "db_instance_type": "db.influx.medium"}, values), {})

failing_input := t.with_index([db({"publicly_accessible": true})])

test_public_instance_fails if {
	k.summary(rule.deny) == {[id, key, "Timestream for InfluxDB instance aws_timestreaminfluxdb_db_instance.telemetry is reachable from the internet (publicly_accessible = true)"]} with input as failing_input
}

test_private_or_default_instance_passes if {
	count(rule.deny) == 0 with input as t.with_index([db({"publicly_accessible": false})])

	# Left out: the service's default, private; a plan shows it unknown, not configured.
	count(rule.deny) == 0 with input as t.with_index([db({})])
	count(rule.deny) == 0 with input as t.with_index([object.union(db({}), {"unknown": ["publicly_accessible"]})])
}

test_unknown_flag_fails_unverified if {
	msg := "Timestream for InfluxDB instance aws_timestreaminfluxdb_db_instance.telemetry has publicly_accessible unknown before apply; that it is not reachable from the internet cannot be verified"
	k.summary(rule.deny) == {[id, key, msg]} with input as t.with_index([db({"publicly_accessible": "${var.public}"})])
	from_resource := object.union(t.resource("aws_timestreaminfluxdb_db_instance.telemetry", {"name": "telemetry"}, {"publicly_accessible": ["terraform_data.flag"]}), {"unknown": ["publicly_accessible"]})
	k.summary(rule.deny) == {[id, key, msg]} with input as t.with_index([from_resource])
}
