# METADATA
# title: S3 bucket not encrypted with a customer-managed KMS key and bucket key
# description: |
#   Personal data at rest must be encrypted under a key the organization controls and can
#   revoke: default encryption aws:kms with a customer-managed key (kms_master_key_id that
#   is not the AWS-managed aws/s3 key) and the S3 bucket key on. Read from an
#   aws_s3_bucket_server_side_encryption_configuration linked by reference (or naming the
#   bucket) or the legacy inline server_side_encryption_configuration block. A configuration
#   whose bucket is not in the input is checked on its own and reported on itself. A bucket
#   that receives server access logs (target of aws_s3_bucket_logging or an inline logging
#   block) is the exception: S3 delivers those logs only to buckets encrypted with SSE-S3, so
#   there SSE-S3 (AES256, or no configuration, which is SSE-S3 by default) is required instead.
#   Unknowns: a key id that is unknown at plan time but refers to another resource counts as
#   set (the reference is the key); an algorithm or bucket-key flag unknown at plan time
#   cannot be proven and is reported.
# custom:
#   id: aws-s3-sse-kms-cmk
#   control: storage-encryption
#   cloud: aws
#   severity: high
#   data_stores:
#     check: encryption-at-rest
#     types: [aws_s3_bucket]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information at rest
#   remediation: |
#     Add aws_s3_bucket_server_side_encryption_configuration with rule {
#     apply_server_side_encryption_by_default { sse_algorithm = "aws:kms",
#     kms_master_key_id = aws_kms_key.x.arn } bucket_key_enabled = true }. For a bucket
#     that receives server access logs, use sse_algorithm = "AES256" instead.
#   construct: HardenedBucket
#   fix:
#     summary: Encrypt new objects with SSE-KMS under a customer-managed key and the bucket key (aws_kms_key named after the bucket, and an aws_s3_bucket_server_side_encryption_configuration when none is linked, each added unless it exists)
#     edits:
#       - create: |
#           resource "aws_kms_key" "{{name}}" {
#             description         = "customer-managed key of {{ref}}"
#             enable_key_rotation = true
#           }
#       - linked: { type: aws_s3_bucket_server_side_encryption_configuration, via: bucket }
#         nested: rule.apply_server_side_encryption_by_default
#         set: { sse_algorithm: '"aws:kms"', kms_master_key_id: 'aws_kms_key.{{name}}.arn' }
#       - linked: { type: aws_s3_bucket_server_side_encryption_configuration, via: bucket }
#         nested: rule
#         set: { bucket_key_enabled: true }
#         create: |
#           resource "aws_s3_bucket_server_side_encryption_configuration" "{{name}}" {
#             bucket = {{ref}}.id
#             rule {
#               apply_server_side_encryption_by_default {
#                 sse_algorithm     = "aws:kms"
#                 kms_master_key_id = aws_kms_key.{{name}}.arn
#               }
#               bucket_key_enabled = true
#             }
#           }
#     cdktf:
#       option: "kmsKey: a HardenedKey (one is created when absent); SSE-KMS with the bucket key always"
#       snippet: |
#         new HardenedBucket(this, 'data', { name: 'shop-customer-data', kmsKey: bucketKey, classification: 'pii' });
#   example: |
#     resource "aws_kms_key" "s3" {
#       enable_key_rotation = true
#     }
#
#     resource "aws_s3_bucket" "data" {
#       bucket = "shop-customer-data"
#     }
#
#     resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
#       bucket = aws_s3_bucket.data.id
#       rule {
#         apply_server_side_encryption_by_default {
#           sse_algorithm     = "aws:kms"
#           kms_master_key_id = aws_kms_key.s3.arn
#         }
#         bucket_key_enabled = true
#       }
#     }
package leakguard.rules.aws.s3.sse_kms_cmk

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

kms(cfg) if resources.s3_sse_kms(cfg)

cmk(cfg) if resources.s3_cmk(cfg)

bucket_key(cfg) if resources.s3_bucket_key(cfg)

# Constants as rules: a literal in a function body is built again on every call.
checks := [["SSE-KMS", "kms"], ["a customer-managed key", "cmk"], ["the bucket key", "bucket_key"]]

missing(cfgs) := [item |
	some [item, check] in checks
	not satisfied(cfgs, check)
]

satisfied(cfgs, "kms") if {
	some cfg in cfgs
	kms(cfg)
}

satisfied(cfgs, "cmk") if {
	some cfg in cfgs
	cmk(cfg)
}

satisfied(cfgs, "bucket_key") if {
	some cfg in cfgs
	bucket_key(cfg)
}

# Server access-log targets: by reference from a logging resource or an inline logging
# block, or named literally by a logging resource.
literal_targets contains name if {
	some l in resources.of_type("aws_s3_bucket_logging")
	name := l.values.target_bucket
	resources.literal(name)
}

# Referrer type → attributes that make a bucket a log target (looked up, no pair built per link).
log_links := {"aws_s3_bucket_logging": {"target_bucket"}, "aws_s3_bucket": {"logging.target_bucket"}}

log_target(bucket) if {
	some ref in bucket.referenced_by
	log_links[ref.type][ref.attribute]
}

log_target(bucket) if literal_targets[object.get(bucket.values, "bucket", null)]

deny contains finding.new(rego.metadata.chain(), bucket, msg) if {
	some bucket in resources.of_type("aws_s3_bucket")
	not log_target(bucket)
	msg := message(bucket, resources.s3_encryption_configs(bucket))
}

deny contains finding.new(rego.metadata.chain(), bucket, msg) if {
	some bucket in resources.of_type("aws_s3_bucket")
	log_target(bucket)
	some cfg in resources.s3_encryption_configs(bucket)
	kms(cfg)
	msg := sprintf("S3 bucket %s receives server access logs, which S3 delivers only to SSE-S3 buckets, but its default encryption is SSE-KMS; use AES256", [bucket.address])
}

message(bucket, cfgs) := sprintf("S3 bucket %s has no default encryption configuration; objects get SSE-S3 with an AWS-owned key", [bucket.address]) if count(cfgs) == 0

message(bucket, cfgs) := sprintf("S3 bucket %s default encryption lacks %s", [bucket.address, concat(", ", m)]) if {
	count(cfgs) > 0
	m := missing(cfgs)
	count(m) > 0
}

# An encryption configuration whose bucket is not in the input is checked on its own.
deny contains finding.new(rego.metadata.chain(), c, msg) if {
	some c in resources.of_type("aws_s3_bucket_server_side_encryption_configuration")
	not resources.s3_bucket_present(c)
	not literal_targets[object.get(c.values, "bucket", null)]
	m := missing([resources.s3_encryption_config(c, "rule")])
	count(m) > 0
	msg := sprintf("Encryption configuration %s (for %s not in this input) lacks %s", [c.address, resources.guarded_bucket(c), concat(", ", m)])
}
