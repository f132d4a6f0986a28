# METADATA
# title: Bucket holding personal information without versioning
# description: |
#   Without versioning an overwrite or delete (a bad deploy, a compromised key, ransomware
#   re-encrypting objects) destroys the only copy of the customer data in the bucket;
#   versioning keeps the previous versions to restore from. A bucket classified as holding
#   personal information needs aws_s3_bucket_versioning with status Enabled (linked or
#   naming the bucket) or the legacy inline versioning { enabled = true }.
#   Unknowns: a versioning status not readable before apply is reported.
# custom:
#   id: aws-s3-versioning
#   control: backup-protection
#   cloud: aws
#   severity: medium
#   data_stores:
#     check: backups
#     types: [aws_s3_bucket]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Business continuity and disaster recovery (backups)
#   remediation: |
#     Add aws_s3_bucket_versioning { bucket = aws_s3_bucket.x.id, versioning_configuration {
#     status = "Enabled" } } (with a lifecycle rule expiring noncurrent versions).
#   construct: HardenedBucket
#   fix:
#     summary: Turn on versioning (an aws_s3_bucket_versioning linked by reference when none exists)
#     edits:
#       - linked: { type: aws_s3_bucket_versioning, via: bucket }
#         nested: versioning_configuration
#         set: { status: '"Enabled"' }
#         create: |
#           resource "aws_s3_bucket_versioning" "{{name}}" {
#             bucket = {{ref}}.id
#             versioning_configuration {
#               status = "Enabled"
#             }
#           }
#     cdktf:
#       option: "HardenedBucket always versions its objects"
#       snippet: |
#         new HardenedBucket(this, 'exports', { name: 'shop-exports', classification: 'pii' });
#   runbook:
#     exposure: Objects holding personal information have no previous versions; an overwrite or delete in an incident cannot be undone
#     preserve:
#       - do: Record the bucket's versioning state
#         run: aws s3api get-bucket-versioning --bucket {{values.bucket|fill.bucket-name}}
#       - do: List the objects as they are now (the only copies)
#         run: aws s3api list-objects-v2 --bucket {{values.bucket|fill.bucket-name}}
#     contain:
#       - do: Turn versioning on, now
#         run: aws s3api put-bucket-versioning --bucket {{values.bucket|fill.bucket-name}} --versioning-configuration Status=Enabled
#     verify:
#       - do: Versioning reads Enabled
#         run: aws s3api get-bucket-versioning --bucket {{values.bucket|fill.bucket-name}} --query Status
#   example: |
#     resource "aws_s3_bucket" "exports" {
#       bucket = "shop-customer-exports"
#       tags   = { data-classification = "pii" }
#     }
#
#     resource "aws_s3_bucket_versioning" "exports" {
#       bucket = aws_s3_bucket.exports.id
#       versioning_configuration {
#         status = "Enabled"
#       }
#     }
package leakguard.rules.aws.s3.versioning

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

deny contains finding.new(rego.metadata.chain(), bucket, msg) if {
	some bucket in resources.of_type("aws_s3_bucket")
	resources.is_pii(bucket)
	msg := message(bucket, resources.s3_versioning(bucket))
}

message(bucket, "off") := sprintf("S3 bucket %s is classified %s but does not have versioning enabled; an overwrite or delete cannot be undone", [bucket.address, resources.classification(bucket)])

message(bucket, "unknown") := sprintf("S3 bucket %s is classified %s and its versioning status is not readable before apply", [bucket.address, resources.classification(bucket)])
