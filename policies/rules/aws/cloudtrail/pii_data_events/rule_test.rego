package leakguard.rules.aws.cloudtrail.pii_data_events_test

import data.leakguard.rules.aws.cloudtrail.pii_data_events as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

bucket := k.tagged(t.resource("aws_s3_bucket.customers", {"bucket": "shop-customers"}, {}), {"data-classification": "pii"})

table := k.tagged(t.resource("aws_dynamodb_table.profiles", {"name": "profiles"}, {}), {"data-classification": "confidential"})

all_data := t.resource(
	"aws_cloudtrail.central", {"name": "central-audit", "advanced_event_selector": [
		{"field_selector": [{"field": "eventCategory", "equals": ["Data"]}, {"field": "resources.type", "equals": ["AWS::S3::Object"]}]},
		{"field_selector": [{"field": "eventCategory", "equals": ["Data"]}, {"field": "resources.type", "equals": ["AWS::DynamoDB::Table"]}]},
	]},
	{},
)

failing_input := t.with_index([bucket, table, t.resource("aws_cloudtrail.central", {"name": "central-audit"}, {})])

test_uncovered_stores_fail if {
	k.summary(rule.deny) == {
		["aws-central-trail-pii-data-events", "test/aws_s3_bucket.customers", "aws_s3_bucket.customers holds pii data but the central trail records no data events for it"],
		["aws-central-trail-pii-data-events", "test/aws_dynamodb_table.profiles", "aws_dynamodb_table.profiles holds confidential data but the central trail records no data events for it"],
	} with input as failing_input
}

test_all_data_events_pass if {
	count(rule.deny) == 0 with input as t.with_index([bucket, table, all_data])
}

test_only_the_configured_central_trail_counts if {
	count(rule.deny) == 2 with input as t.with_index([bucket, table, all_data]) with data.config as {"central_trail_names": ["org-trail"]}
	count(rule.deny) == 0 with input as t.with_index([bucket, table, all_data]) with data.config as {"central_trail_names": ["central-audit"]}
}

test_table_by_arn_passes if {
	trail := t.resource("aws_cloudtrail.central", {"event_selector": [{"data_resource": [{"type": "AWS::DynamoDB::Table", "values": ["arn:aws:dynamodb:us-west-2:111111111111:table/profiles"]}]}]}, {})
	k.summary(rule.deny) == {["aws-central-trail-pii-data-events", "test/aws_s3_bucket.customers", "aws_s3_bucket.customers holds pii data but the central trail records no data events for it"]} with input as t.with_index([bucket, table, trail])
}

test_internal_store_is_not_checked if {
	count(rule.deny) == 0 with input as t.with_index([k.tagged(bucket, {"data-classification": "internal"})])
}

queue := k.tagged(t.resource("aws_sqs_queue.orders", {"name": "orders"}, {}), {"data-classification": "pii"})

topic := k.tagged(t.resource("aws_sns_topic.events", {"name": "order-events"}, {}), {"data-classification": "pii"})

stream := k.tagged(t.resource("aws_kinesis_stream.clicks", {"name": "clicks"}, {}), {"data-classification": "pii"})

advanced(data_type, arns) := {"field_selector": array.concat(
	[{"field": "eventCategory", "equals": ["Data"]}, {"field": "resources.type", "equals": [data_type]}],
	[{"field": "resources.ARN", "starts_with": arns} | count(arns) > 0],
)}

test_queues_topics_and_streams if {
	count(rule.deny) == 3 with input as t.with_index([queue, topic, stream, t.resource("aws_cloudtrail.central", {"name": "central-audit"}, {})])
	k.summary(rule.deny) == {["aws-central-trail-pii-data-events", "test/aws_sqs_queue.orders", "aws_sqs_queue.orders holds pii data but the central trail records no data events for it"]} with input as t.with_index([queue, t.resource("aws_cloudtrail.central", {"name": "central-audit"}, {})])

	# Every queue, topic and stream; or each by ARN.
	trail := t.resource("aws_cloudtrail.central", {"advanced_event_selector": [advanced("AWS::SQS::Queue", []), advanced("AWS::SNS::Topic", []), advanced("AWS::Kinesis::Stream", [])]}, {})
	count(rule.deny) == 0 with input as t.with_index([queue, topic, stream, trail])
	by_arn := t.resource(
		"aws_cloudtrail.central", {"advanced_event_selector": [
			advanced("AWS::SQS::Queue", ["arn:aws:sqs:us-west-2:111111111111:orders"]),
			advanced("AWS::SNS::Topic", ["arn:aws:sns:us-west-2:111111111111:order-events"]),
			advanced("AWS::Kinesis::Stream", ["arn:aws:kinesis:us-west-2:111111111111:stream/clicks"]),
		]},
		{},
	)
	count(rule.deny) == 0 with input as t.with_index([queue, topic, stream, by_arn])

	# A selector for another queue.
	other := t.resource("aws_cloudtrail.central", {"advanced_event_selector": [advanced("AWS::SQS::Queue", ["arn:aws:sqs:us-west-2:111111111111:payments"])]}, {})
	count(rule.deny) == 1 with input as t.with_index([queue, other])
}
