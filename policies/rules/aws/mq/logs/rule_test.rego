package leakguard.rules.aws.mq.logs_test

import data.leakguard.rules.aws.mq.logs as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

broker(engine, logs) := t.resource("aws_mq_broker.orders", {"broker_name": "orders", "engine_type": engine, "logs": logs}, {})

failing_input := t.with_index([broker("ActiveMQ", [{"general": true}])])

test_activemq_without_audit_log_fails if {
	k.summary(rule.deny) == {[
		"aws-mq-logs", "test/aws_mq_broker.orders",
		"Amazon MQ broker aws_mq_broker.orders (activemq) does not publish its audit log to CloudWatch Logs (logs.audit is not true), so its management actions through JMX and the web console are not recorded",
	]} with input as failing_input
	count(rule.deny) == 1 with input as t.with_index([broker("ActiveMQ", [])])
	count(rule.deny) == 1 with input as t.with_index([broker("ActiveMQ", [{"audit": "false", "general": true}])])
}

test_rabbitmq_without_general_log_fails if {
	k.summary(rule.deny) == {[
		"aws-mq-logs", "test/aws_mq_broker.orders",
		"Amazon MQ broker aws_mq_broker.orders (rabbitmq) does not publish its general log to CloudWatch Logs (logs.general is not true), so its client connections and logins are not recorded",
	]} with input as t.with_index([broker("RabbitMQ", [])])
}

test_logging_brokers_pass if {
	# The provider types audit as a string.
	count(rule.deny) == 0 with input as t.with_index([broker("ActiveMQ", [{"audit": "true", "general": true}])])
	count(rule.deny) == 0 with input as t.with_index([broker("ActiveMQ", [{"audit": true}])])
	count(rule.deny) == 0 with input as t.with_index([broker("RabbitMQ", [{"general": true}])])
}

test_unknown_fails if {
	k.summary(rule.deny) == {[
		"aws-mq-logs", "test/aws_mq_broker.orders",
		"Amazon MQ broker aws_mq_broker.orders has an engine_type not readable before apply; which log it must publish cannot be verified",
	]} with input as t.with_index([broker("${var.engine}", [{"general": true}])])
	k.summary(rule.deny) == {[
		"aws-mq-logs", "test/aws_mq_broker.orders",
		"Amazon MQ broker aws_mq_broker.orders has logs.general unknown before apply; whether it publishes that log cannot be verified",
	]} with input as t.with_index([broker("RabbitMQ", [{"general": "${var.logs}"}])])
}
