# METADATA
# title: S3 bucket ACLs are not disabled (BucketOwnerEnforced)
# description: |
#   With object ownership BucketOwnerEnforced, ACLs are disabled and cannot grant access:
#   only policies decide. Every bucket needs an aws_s3_bucket_ownership_controls (linked by
#   reference or naming the bucket) with that setting. Ownership controls whose bucket is
#   not in the input are checked on their own and reported on themselves.
#   Unknowns: an object_ownership unknown at plan time is reported.
# custom:
#   id: aws-s3-ownership-controls
#   control: public-storage
#   cloud: aws
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Access controls; secure configuration of hardware and software
#   remediation: |
#     Add aws_s3_bucket_ownership_controls { bucket = aws_s3_bucket.x.id
#     rule { object_ownership = "BucketOwnerEnforced" } }.
#   construct: HardenedBucket
#   fix:
#     summary: Disable ACLs (BucketOwnerEnforced), adding the bucket's ownership controls if it has none
#     edits:
#       - on: aws_s3_bucket
#         linked: { type: aws_s3_bucket_ownership_controls, via: bucket }
#         nested: rule
#         set: { object_ownership: '"BucketOwnerEnforced"' }
#         create: |
#           resource "aws_s3_bucket_ownership_controls" "{{name}}" {
#             bucket = {{ref}}.id
#             rule {
#               object_ownership = "BucketOwnerEnforced"
#             }
#           }
#       - on: aws_s3_bucket_ownership_controls
#         nested: rule
#         set: { object_ownership: '"BucketOwnerEnforced"' }
#     cdktf:
#       option: "HardenedBucket sets BucketOwnerEnforced"
#       snippet: |
#         new HardenedBucket(this, 'data', { name: 'shop-customer-data', classification: 'pii' });
#   runbook:
#     exposure: ACLs still decide object access; an object uploaded with a public-read ACL, or by another account, escapes the bucket owner's control
#     preserve:
#       - do: Save the bucket's ownership setting and ACL
#         run: aws s3api get-bucket-ownership-controls --bucket {{values.bucket|via.bucket.bucket}} --region {{region}}
#       - do: Save the bucket ACL as it is now
#         run: aws s3api get-bucket-acl --bucket {{values.bucket|via.bucket.bucket}} --region {{region}}
#       - do: Look up the ACL changes on the bucket in the exposure window
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=ResourceName,AttributeValue={{values.bucket|via.bucket.bucket}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Disable ACLs (BucketOwnerEnforced); every object becomes the owner's and ACL grants stop applying
#         run: aws s3api put-bucket-ownership-controls --bucket {{values.bucket|via.bucket.bucket}} --ownership-controls Rules=[{ObjectOwnership=BucketOwnerEnforced}] --region {{region}}
#     verify:
#       - do: ObjectOwnership reads BucketOwnerEnforced
#         run: aws s3api get-bucket-ownership-controls --bucket {{values.bucket|via.bucket.bucket}} --region {{region}}
#   example: |
#     resource "aws_s3_bucket" "data" {
#       bucket = "shop-customer-data"
#     }
#
#     resource "aws_s3_bucket_ownership_controls" "data" {
#       bucket = aws_s3_bucket.data.id
#       rule {
#         object_ownership = "BucketOwnerEnforced"
#       }
#     }
package leakguard.rules.aws.s3.ownership_controls

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

t := "aws_s3_bucket_ownership_controls"

controls(bucket) := resources.s3_attached(bucket, t)

enforced(c) if {
	"BucketOwnerEnforced" in resources.values_at(c, "rule.object_ownership")
	not resources.unresolved(c, "rule.object_ownership")
}

deny contains finding.new(rego.metadata.chain(), bucket, msg) if {
	some bucket in resources.of_type("aws_s3_bucket")
	cs := controls(bucket)
	not any_enforced(cs)
	msg := message(bucket, cs)
}

any_enforced(cs) if {
	some c in cs
	enforced(c)
}

message(bucket, cs) := sprintf("S3 bucket %s has no ownership controls, so ACLs can still grant access", [bucket.address]) if count(cs) == 0

message(bucket, cs) := sprintf("S3 bucket %s has object ownership %s, not BucketOwnerEnforced, so ACLs can still grant access", [bucket.address, ownership(cs)]) if count(cs) > 0

# The literal settings, or "unknown at plan time"; never expression text.
ownership(cs) := concat("/", sort({s | some c in cs; some s in resources.values_at(c, "rule.object_ownership"); resources.literal(s)} | {"unknown at plan time" |
	some c in cs
	unknown_ownership(c)
}))

unknown_ownership(c) if resources.unresolved(c, "rule.object_ownership")

unknown_ownership(c) if resources.unknown_at(c, "rule.object_ownership")

# Controls whose bucket is not in the input are checked on their own.
deny contains finding.new(rego.metadata.chain(), c, msg) if {
	some c in resources.of_type(t)
	not resources.s3_bucket_present(c)
	not enforced(c)
	msg := sprintf("Ownership controls %s (for %s not in this input) set object ownership %s, not BucketOwnerEnforced, so ACLs can still grant access", [c.address, resources.guarded_bucket(c), ownership([c])])
}
