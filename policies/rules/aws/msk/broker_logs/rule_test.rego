package leakguard.rules.aws.msk.broker_logs_test

import data.leakguard.rules.aws.msk.broker_logs as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

cluster(logging) := t.resource("aws_msk_cluster.events", object.union({"cluster_name": "order-events"}, logging), {})

logs(destination, enabled) := {"logging_info": [{"broker_logs": [{destination: [{"enabled": enabled}]}]}]}

test_cluster_without_broker_logs_fails if {
	k.summary(rule.deny) == {["aws-msk-broker-logs", "test/aws_msk_cluster.events", "MSK cluster aws_msk_cluster.events delivers no broker logs: logging_info.broker_logs enables no CloudWatch Logs, Firehose or S3 destination"]} with input as t.with_index([cluster({})])
	count(rule.deny) == 1 with input as t.with_index([cluster(logs("cloudwatch_logs", false))])
	count(rule.deny) == 1 with input as t.with_index([cluster({"logging_info": [{"broker_logs": []}]})])
}

test_enabled_destination_passes if {
	count(rule.deny) == 0 with input as t.with_index([cluster(logs("cloudwatch_logs", true))])
	count(rule.deny) == 0 with input as t.with_index([cluster(logs("firehose", true))])
	count(rule.deny) == 0 with input as t.with_index([cluster(logs("s3", "true"))])

	# CDKTF writes single blocks as objects.
	count(rule.deny) == 0 with input as t.with_index([cluster({"logging_info": {"broker_logs": {"s3": {"enabled": true, "bucket": "logs"}}}})])
}

test_unknown_fails if {
	k.summary(rule.deny) == {["aws-msk-broker-logs", "test/aws_msk_cluster.events", "MSK cluster aws_msk_cluster.events has broker log destinations not readable before apply; its broker logs cannot be verified"]} with input as t.with_index([cluster(logs("cloudwatch_logs", "${var.logs}"))])
}
