package leakguard.rules.aws.sns.subscription_https_test

import data.leakguard.rules.aws.sns.subscription_https as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

subscription(values, refs) := t.resource("aws_sns_topic_subscription.fulfilment", object.union({"topic_arn": "arn:aws:sns:us-west-2:111122223333:order-events", "endpoint": "http://fulfilment.example.com/sns"}, values), refs)

failing_input := t.with_index([subscription({"protocol": "http"}, {})])

test_plain_http_fails if {
	k.summary(rule.deny) == {["aws-sns-subscription-https", "test/aws_sns_topic_subscription.fulfilment", "SNS subscription aws_sns_topic_subscription.fulfilment delivers topic order-events over plain HTTP (protocol \"http\"): messages travel unencrypted"]} with input as failing_input

	# The topic set by reference is named without expression text.
	k.summary(rule.deny) == {["aws-sns-subscription-https", "test/aws_sns_topic_subscription.fulfilment", "SNS subscription aws_sns_topic_subscription.fulfilment delivers its topic over plain HTTP (protocol \"HTTP\"): messages travel unencrypted"]} with input as t.with_index([subscription({"protocol": "HTTP", "topic_arn": "${aws_sns_topic.orders.arn}"}, {"topic_arn": ["aws_sns_topic.orders"]})])
}

test_other_protocols_pass if {
	count(rule.deny) == 0 with input as t.with_index([subscription({"protocol": "https", "endpoint": "https://fulfilment.example.com/sns"}, {})])
	count(rule.deny) == 0 with input as t.with_index([subscription({"protocol": "sqs", "endpoint": "arn:aws:sqs:us-west-2:111122223333:orders"}, {})])
	count(rule.deny) == 0 with input as t.with_index([subscription({"protocol": "lambda", "endpoint": "arn:aws:lambda:us-west-2:111122223333:function:orders"}, {})])
	count(rule.deny) == 0 with input as t.with_index([subscription({"protocol": "email-json", "endpoint": "ops@example.com"}, {})])
}

test_unknown_protocol_fails if {
	k.summary(rule.deny) == {["aws-sns-subscription-https", "test/aws_sns_topic_subscription.fulfilment", "SNS subscription aws_sns_topic_subscription.fulfilment has a protocol unknown at plan time; that topic order-events is not delivered over plain HTTP cannot be verified"]} with input as t.with_index([subscription({"protocol": "${var.protocol}"}, {})])
	count(rule.deny) == 1 with input as t.with_index([k.unknown(subscription({}, {"protocol": ["aws_ssm_parameter.protocol"]}), ["protocol"])])
}

test_topic_named_through_its_link if {
	topic := t.resource("aws_sns_topic.orders", {"name": "order-events"}, {})
	k.summary(rule.deny) == {["aws-sns-subscription-https", "test/aws_sns_topic_subscription.fulfilment", "SNS subscription aws_sns_topic_subscription.fulfilment delivers topic order-events over plain HTTP (protocol \"http\"): messages travel unencrypted"]} with input as t.with_index([topic, subscription({"protocol": "http", "topic_arn": "${aws_sns_topic.orders.arn}"}, {"topic_arn": ["aws_sns_topic.orders"]})])
}
