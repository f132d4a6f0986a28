# METADATA
# title: S3 bucket object access is not logged
# description: |
#   Without object-level logs nobody can tell which customer records were read after a
#   leak, so breach scope and notice (§1798.82) become guesswork. A bucket is covered by
#   server access logging (aws_s3_bucket_logging linked by reference or naming it, or the
#   legacy inline logging block) or by a CloudTrail trail logging S3 data events for all
#   buckets or for this bucket (basic or advanced event selectors). Log-target buckets are
#   not exempt: they need the CloudTrail data events.
#   Unknowns: a logging target unknown at plan time but set by reference counts as set.
# custom:
#   id: aws-s3-access-logging
#   control: object-access-logging
#   cloud: aws
#   severity: medium
#   data_stores:
#     check: audit-logging
#     types: [aws_s3_bucket]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.82 (breach notification without unreasonable delay)
#   audit_component: Audit-log management
#   remediation: |
#     Add aws_s3_bucket_logging (bucket = aws_s3_bucket.x.id, target_bucket = the access-log
#     bucket), or an aws_cloudtrail event_selector with data_resource type AWS::S3::Object
#     for the bucket ARN (or arn:aws:s3 for all buckets).
#   construct: HardenedBucket
#   runbook:
#     exposure: Reads and writes of the bucket's objects are not logged, so a leak cannot be scoped to the records it touched
#     preserve:
#       - do: Record that no server access logging is configured
#         run: aws s3api get-bucket-logging --bucket {{values.bucket|via.bucket.bucket}} --region {{region}}
#       - do: Look up the management events on the bucket in the window (the only record available)
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=ResourceName,AttributeValue={{values.bucket|via.bucket.bucket}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Turn on server access logging to the log bucket
#         run: aws s3api put-bucket-logging --bucket {{values.bucket|via.bucket.bucket}} --bucket-logging-status file://{{fill.logging-status.json}} --region {{region}}
#     verify:
#       - do: LoggingEnabled names the target bucket
#         run: aws s3api get-bucket-logging --bucket {{values.bucket|via.bucket.bucket}} --region {{region}}
#   example: |
#     resource "aws_s3_bucket" "data" {
#       bucket = "shop-customer-data"
#     }
#
#     # The access-log bucket itself is covered by a CloudTrail S3 data-event selector.
#     resource "aws_s3_bucket_logging" "data" {
#       bucket        = aws_s3_bucket.data.id
#       target_bucket = aws_s3_bucket.access_logs.id
#       target_prefix = "s3/shop-customer-data/"
#     }
package leakguard.rules.aws.s3.access_logging

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

t := "aws_s3_bucket_logging"

coverage := resources.trail_coverage(resources.of_type("aws_cloudtrail"))

# One way after another, each asked only where the ones before fail (as separate clauses all
# were asked of every bucket); the trail index first, a lookup.
logged(bucket) if {
	resources.covered_by(coverage, "AWS::S3::Object", bucket)
} else if {
	count(resources.s3_attached(bucket, t)) > 0
} else if {
	some target in resources.values_at(bucket, "logging.target_bucket")
	target != ""
} else if {
	resources.references_under(bucket, "logging.target_bucket")
}

deny contains finding.new(rego.metadata.chain(), bucket, msg) if {
	some bucket in resources.of_type("aws_s3_bucket")
	not logged(bucket)
	msg := sprintf("S3 bucket %s has neither server access logging nor CloudTrail S3 data events covering it", [bucket.address])
}
