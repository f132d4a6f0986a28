package leakguard.rules.aws.resource_policy.tls_only_test

import data.leakguard.rules.aws.resource_policy.tls_only as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

doc(statements) := json.marshal({"Version": "2012-10-17", "Statement": statements})

tls_deny(action) := {"Effect": "Deny", "Principal": "*", "Action": action, "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}

allow_sns := {"Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"}, "Action": "sqs:SendMessage", "Resource": "*"}

queue(values) := t.resource("aws_sqs_queue.orders", object.union({"name": "orders"}, values), {})

queue_policy(policy) := t.resource("aws_sqs_queue_policy.orders", {"queue_url": "${aws_sqs_queue.orders.id}", "policy": policy}, {"queue_url": ["aws_sqs_queue.orders"]})

topic(values) := t.resource("aws_sns_topic.events", object.union({"name": "order-events"}, values), {})

test_queue_without_tls_deny_fails if {
	k.summary(rule.deny) == {["aws-resource-policy-tls-only", "test/aws_sqs_queue.orders", "SQS queue aws_sqs_queue.orders has no policy statement denying requests where aws:SecureTransport is false; requests and the data they carry can cross the network in plain text"]} with input as t.with_index([queue({})])
	count(rule.deny) == 1 with input as t.with_index([queue({}), queue_policy(doc([allow_sns]))])

	# Denying only sends leaves receives open.
	count(rule.deny) == 1 with input as t.with_index([queue({}), queue_policy(doc([tls_deny("sqs:SendMessage")]))])

	# An Allow conditioned on TLS is no refusal.
	count(rule.deny) == 1 with input as t.with_index([queue({}), queue_policy(doc([object.union(tls_deny("sqs:*"), {"Effect": "Allow"})]))])
}

test_tls_only_queue_passes if {
	count(rule.deny) == 0 with input as t.with_index([queue({}), queue_policy(doc([allow_sns, tls_deny("sqs:*")]))])
	count(rule.deny) == 0 with input as t.with_index([queue({"policy": doc([tls_deny("*")])})])

	# Naming the queue URL literally, as brownfield code does.
	count(rule.deny) == 0 with input as t.with_index([queue({}), t.resource("aws_sqs_queue_policy.orders", {"queue_url": "https://sqs.us-west-2.amazonaws.com/111122223333/orders", "policy": doc([tls_deny("sqs:*")])}, {})])
}

test_topic if {
	k.summary(rule.deny) == {["aws-resource-policy-tls-only", "test/aws_sns_topic.events", "SNS topic aws_sns_topic.events has no policy statement denying requests where aws:SecureTransport is false; requests and the data they carry can cross the network in plain text"]} with input as t.with_index([topic({})])
	count(rule.deny) == 0 with input as t.with_index([topic({"policy": doc([tls_deny("sns:Publish")])})])
	count(rule.deny) == 0 with input as t.with_index([topic({}), t.resource("aws_sns_topic_policy.events", {"arn": "${aws_sns_topic.events.arn}", "policy": doc([tls_deny("SNS:*")])}, {"arn": ["aws_sns_topic.events"]})])
	count(rule.deny) == 0 with input as t.with_index([topic({}), t.resource("aws_sns_topic_policy.events", {"arn": "arn:aws:sns:us-west-2:111122223333:order-events", "policy": doc([tls_deny("sns:Publish")])}, {})])
}

test_policy_without_its_store if {
	k.summary(rule.deny) == {["aws-resource-policy-tls-only", "test/aws_sns_topic_policy.events", "SNS topic policy aws_sns_topic_policy.events (for an SNS topic not in this input) has no statement denying requests where aws:SecureTransport is false"]} with input as t.with_index([t.resource("aws_sns_topic_policy.events", {"arn": "arn:aws:sns:us-west-2:111122223333:order-events", "policy": doc([])}, {})])
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_sns_topic_policy.events", {"arn": "arn:aws:sns:us-west-2:111122223333:order-events", "policy": doc([tls_deny("sns:*")])}, {})])
	count(rule.deny) == 1 with input as t.with_index([t.resource("aws_sqs_queue_policy.orders", {"queue_url": "${var.queue_url}", "policy": "${var.policy}"}, {})])
}

test_unknown_policy_fails if {
	k.summary(rule.deny) == {["aws-resource-policy-tls-only", "test/aws_sqs_queue.orders", "SQS queue aws_sqs_queue.orders has a policy that cannot be read before apply; it cannot be shown to refuse requests without TLS"]} with input as t.with_index([queue({}), queue_policy("${jsonencode(var.policy)}")])
}

table := t.resource("aws_dynamodb_table.orders", {"name": "orders"}, {})

test_dynamodb_table if {
	k.summary(rule.deny) == {["aws-resource-policy-tls-only", "test/aws_dynamodb_table.orders", "DynamoDB table aws_dynamodb_table.orders has no policy statement denying requests where aws:SecureTransport is false; requests and the data they carry can cross the network in plain text"]} with input as t.with_index([table])
	count(rule.deny) == 0 with input as t.with_index([table, t.resource("aws_dynamodb_resource_policy.orders", {"resource_arn": "${aws_dynamodb_table.orders.arn}", "policy": doc([tls_deny("dynamodb:*")])}, {"resource_arn": ["aws_dynamodb_table.orders"]})])
	count(rule.deny) == 0 with input as t.with_index([table, t.resource("aws_dynamodb_resource_policy.orders", {"resource_arn": "arn:aws:dynamodb:us-west-2:111122223333:table/orders", "policy": doc([tls_deny("*")])}, {})])

	# Denying only reads leaves writes open.
	count(rule.deny) == 1 with input as t.with_index([table, t.resource("aws_dynamodb_resource_policy.orders", {"resource_arn": "${aws_dynamodb_table.orders.arn}", "policy": doc([tls_deny("dynamodb:GetItem")])}, {"resource_arn": ["aws_dynamodb_table.orders"]})])
}
