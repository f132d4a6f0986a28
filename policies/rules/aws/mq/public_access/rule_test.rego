package leakguard.rules.aws.mq.public_access_test

import data.leakguard.rules.aws.mq.public_access as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

broker(values) := t.resource("aws_mq_broker.orders", object.union({"broker_name": "orders", "engine_type": "RabbitMQ"}, values), {})

failing_input := t.with_index([broker({"publicly_accessible": true})])

test_public_broker_fails if {
	k.summary(rule.deny) == {[
		"aws-mq-public", "test/aws_mq_broker.orders",
		"Amazon MQ broker aws_mq_broker.orders is publicly accessible: its endpoints and web console take connections from the internet, guarded only by broker user passwords",
	]} with input as failing_input
}

test_private_or_default_broker_passes if {
	count(rule.deny) == 0 with input as t.with_index([broker({"publicly_accessible": false})])
	count(rule.deny) == 0 with input as t.with_index([broker({})])
}

test_unknown_fails if {
	k.summary(rule.deny) == {[
		"aws-mq-public", "test/aws_mq_broker.orders",
		"Amazon MQ broker aws_mq_broker.orders has publicly_accessible unknown before apply; whether it is reachable from the internet cannot be verified",
	]} with input as t.with_index([broker({"publicly_accessible": "${var.public}"})])
}
