# METADATA
# title: PII data store not covered by central trail data events
# description: |
#   Microservices each logging on their own leave no single record of who read which
#   customer data. S3 buckets, DynamoDB tables, SQS queues, SNS topics and Kinesis streams
#   classified as personal information must be covered by data events of the central trail (central_trail_names; any trail in the
#   evaluated stacks when none is configured), through basic or advanced event selectors
#   for all stores, the store's ARN, or a reference to it (queues, topics and streams only
#   through advanced selectors, as CloudTrail logs them).
#   Unknowns: a store whose name is unknown at plan time is matched only by reference or by
#   an all-stores selector.
# custom:
#   id: aws-central-trail-pii-data-events
#   control: central-audit-correlation
#   cloud: aws
#   severity: medium
#   data_stores:
#     check: audit-logging
#     types: [aws_s3_bucket, aws_dynamodb_table, aws_sqs_queue, aws_sns_topic, aws_kinesis_stream]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.82 (breach notification without unreasonable delay)
#   audit_component: Audit-log management (centralised collection and correlation)
#   remediation: |
#     Add the store to the central trail's data-event selectors (AWS::S3::Object with the
#     bucket ARN prefix, AWS::DynamoDB::Table with the table ARN; AWS::SQS::Queue,
#     AWS::SNS::Topic and AWS::Kinesis::Stream in an advanced selector), or select all stores.
#   construct: RegionalBaseline
#   example: |
#     resource "aws_cloudtrail" "central" {
#       name           = "central" # listed in central_trail_names
#       s3_bucket_name = aws_s3_bucket.trail.id
#
#       event_selector {
#         data_resource {
#           type   = "AWS::S3::Object"
#           values = ["${aws_s3_bucket.customers.arn}/"]
#         }
#         data_resource {
#           type   = "AWS::DynamoDB::Table"
#           values = [aws_dynamodb_table.orders.arn]
#         }
#       }
#     }
package leakguard.rules.aws.cloudtrail.pii_data_events

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

names := config.settings.central_trail_names

central := [t |
	some t in resources.of_type("aws_cloudtrail")
	central_trail(t)
]

central_trail(_) if count(names) == 0

central_trail(t) if t.values.name in names

stores := {
	"aws_s3_bucket": "AWS::S3::Object", "aws_dynamodb_table": "AWS::DynamoDB::Table",
	"aws_sqs_queue": "AWS::SQS::Queue", "aws_sns_topic": "AWS::SNS::Topic", "aws_kinesis_stream": "AWS::Kinesis::Stream",
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some t, data_type in stores
	some r in resources.of_type(t)
	resources.is_pii(r)
	not covered(r, data_type)
	msg := sprintf("%s holds %s data but the central trail records no data events for it", [r.address, resources.classification(r)])
}

coverage := resources.trail_coverage(central)

covered(r, data_type) if resources.covered_by(coverage, data_type, r)
