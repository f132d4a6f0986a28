# METADATA
# title: S3 bucket without a complete public access block
# description: |
#   Every S3 bucket needs a public access block with all four flags true, attached to the
#   bucket (linked by reference or by bucket name) or at account level. Without it one ACL
#   or policy edit makes customer data world-readable. A bucket-level block whose bucket is
#   not in the input (another stack, module or state) is checked on its own, and an
#   account-level block is always checked: a flag switched off is reported on the block.
#   An unset flag is false (the AWS provider's default).
#   Unknowns: a flag unknown at plan time cannot be proven true and is reported.
# custom:
#   id: aws-s3-public-access-block
#   control: public-storage
#   cloud: aws
#   severity: critical
#   data_stores:
#     check: public-reachability
#     types: [aws_s3_bucket]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Secure configuration of hardware and software; access controls
#   remediation: |
#     Add an aws_s3_bucket_public_access_block for the bucket (bucket = aws_s3_bucket.x.id)
#     with block_public_acls, block_public_policy, ignore_public_acls and
#     restrict_public_buckets all true, or an aws_s3_account_public_access_block.
#   construct: HardenedBucket
#   fix:
#     summary: Block public access with all four flags, adding the bucket's public access block if it has none
#     edits:
#       - on: aws_s3_bucket
#         linked: { type: aws_s3_bucket_public_access_block, via: bucket }
#         set: { block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true }
#         create: |
#           resource "aws_s3_bucket_public_access_block" "{{name}}" {
#             bucket                  = {{ref}}.id
#             block_public_acls       = true
#             block_public_policy     = true
#             ignore_public_acls      = true
#             restrict_public_buckets = true
#           }
#       - on: aws_s3_bucket_public_access_block
#         set: { block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true }
#       - on: aws_s3_account_public_access_block
#         set: { block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true }
#     cdktf:
#       option: "HardenedBucket adds the complete public access block"
#       snippet: |
#         new HardenedBucket(this, 'data', { name: 'shop-customer-data', classification: 'pii' });
#   runbook:
#     exposure: Objects in the bucket can be made public by one ACL or policy change, and may already be readable by anyone
#     preserve:
#       - do: Record how the bucket is exposed now (policy status); save the output with the incident ticket
#         run: aws s3api get-bucket-policy-status --bucket {{values.bucket|via.bucket.bucket}} --region {{region}}
#       - do: Save the bucket ACL as it is now
#         run: aws s3api get-bucket-acl --bucket {{values.bucket|via.bucket.bucket}} --region {{region}}
#       - do: Find where server access logs go, then copy the log objects of the exposure window to the evidence bucket
#         run: aws s3api get-bucket-logging --bucket {{values.bucket|via.bucket.bucket}} --region {{region}}
#       - do: Look up the management events on the bucket in the exposure window (who changed its ACL, policy or block)
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=ResourceName,AttributeValue={{values.bucket|via.bucket.bucket}} --start-time {{window_start}} --end-time {{window_end}}
#       - do: Check that a trail records S3 data events (object reads) for the bucket; export them for the window from its log bucket or CloudTrail Lake
#         run: aws cloudtrail get-event-selectors --trail-name {{fill.trail-name}} --region {{region}}
#     contain:
#       - do: Block every form of public access on the bucket (reversible; objects stay)
#         run: aws s3api put-public-access-block --bucket {{values.bucket|via.bucket.bucket}} --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true
#     verify:
#       - do: All four flags read true
#         run: aws s3api get-public-access-block --bucket {{values.bucket|via.bucket.bucket}} --region {{region}}
#       - do: The bucket is no longer public (PolicyStatus.IsPublic false)
#         run: aws s3api get-bucket-policy-status --bucket {{values.bucket|via.bucket.bucket}} --region {{region}}
#   example: |
#     resource "aws_s3_bucket" "data" {
#       bucket = "shop-customer-data"
#     }
#
#     resource "aws_s3_bucket_public_access_block" "data" {
#       bucket                  = aws_s3_bucket.data.id
#       block_public_acls       = true
#       block_public_policy     = true
#       ignore_public_acls      = true
#       restrict_public_buckets = true
#     }
package leakguard.rules.aws.s3.public_access_block

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

flags := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

on(block, flag) if block.values[flag] == true

complete(block) if every flag in flags {
	on(block, flag)
}

# An account-level block with all four flags covers every bucket in the estate.
account_blocked if {
	some block in resources.of_type("aws_s3_account_public_access_block")
	complete(block)
}

# Bucket names named literally by a complete block (brownfield code without references).
blocked_names contains name if {
	some block in resources.of_type("aws_s3_bucket_public_access_block")
	complete(block)
	name := block.values.bucket
	not resources.is_reference(name)
}

linked(bucket) := resources.linked_from(bucket, "aws_s3_bucket_public_access_block", "bucket")

protected(bucket) if {
	some block in linked(bucket)
	complete(block)
}

protected(bucket) if blocked_names[bucket.values.bucket]

deny contains finding.new(rego.metadata.chain(), bucket, msg) if {
	not account_blocked
	some bucket in resources.of_type("aws_s3_bucket")
	not protected(bucket)
	msg := message(bucket)
}

message(bucket) := sprintf("S3 bucket %s has no public access block; its objects can be made public by an ACL or policy", [bucket.address]) if {
	count(linked(bucket)) == 0
}

message(bucket) := sprintf("S3 bucket %s has a public access block without all four flags true (%s)", [bucket.address, concat(", ", weak)]) if {
	blocks := linked(bucket)
	count(blocks) > 0
	weak := sort({weakness(block, flag) | some block in blocks; some flag in flags; not on(block, flag)})
}

# "block_public_policy false", "restrict_public_buckets unset (false by default)", "… unknown at plan time".
weakness(block, flag) := sprintf("%s %s", [flag, resources.flag_state(block, flag, false)])

weaknesses(block) := sort({weakness(block, flag) | some flag in flags; not on(block, flag)})

# A bucket-level block whose bucket is not in the input is checked on its own.
deny contains finding.new(rego.metadata.chain(), block, msg) if {
	some block in resources.of_type("aws_s3_bucket_public_access_block")
	not resources.s3_bucket_present(block)
	not complete(block)
	msg := sprintf("Public access block %s (for %s not in this input) does not block public access: %s", [block.address, resources.guarded_bucket(block), concat(", ", weaknesses(block))])
}

# The account-level block guards every bucket of the account, most of them never in one input.
deny contains finding.new(rego.metadata.chain(), block, msg) if {
	some block in resources.of_type("aws_s3_account_public_access_block")
	not complete(block)
	msg := sprintf("Account public access block %s does not block public access for the account's buckets: %s", [block.address, concat(", ", weaknesses(block))])
}
