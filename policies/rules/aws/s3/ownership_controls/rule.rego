# METADATA
# title: S3 bucket ACLs are not disabled (BucketOwnerEnforced)
# description: |
#   With object ownership BucketOwnerEnforced, ACLs are disabled and cannot grant access:
#   only policies decide. Every bucket needs an aws_s3_bucket_ownership_controls (linked by
#   reference or naming the bucket) with that setting.
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

message(bucket, cs) := sprintf("S3 bucket %s has object ownership %s, not BucketOwnerEnforced, so ACLs can still grant access", [bucket.address, concat("/", settings)]) if {
	count(cs) > 0
	settings := sort({s | some c in cs; some s in resources.values_at(c, "rule.object_ownership")} | {"unknown at plan time" | some c in cs; resources.unresolved(c, "rule.object_ownership")})
}
