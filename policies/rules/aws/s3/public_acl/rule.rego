# METADATA
# title: S3 bucket or object ACL grants public access
# description: |
#   A canned ACL (public-read, public-read-write, authenticated-read) or a grant to the
#   AllUsers / AuthenticatedUsers groups, on the bucket (legacy inline acl/grant), in an
#   aws_s3_bucket_acl, or on an object the configuration uploads (aws_s3_object,
#   aws_s3_bucket_object: a public `.env` found in the terraform-aws-modules object
#   submodule's use), lets anyone list or read customer data.
#   Unknowns: an ACL set from another resource and unknown at plan time cannot be shown
#   private and is reported; an ACL the provider computes because none is configured
#   (aws_s3_bucket.acl in AWS provider 4+) is not an ACL.
# custom:
#   id: aws-s3-public-acl
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
#     Remove the public canned ACL / AllUsers and AuthenticatedUsers grants, and disable
#     ACLs altogether with aws_s3_bucket_ownership_controls (BucketOwnerEnforced).
#   construct: HardenedBucket
#   fix:
#     summary: Replace the public canned ACL with private
#     edits:
#       - where: { name: acl, values: [public-read, public-read-write, authenticated-read] }
#         set: { acl: '"private"' }
#     cdktf:
#       option: "HardenedBucket disables ACLs (BucketOwnerEnforced) and blocks public access"
#       snippet: |
#         new HardenedBucket(this, 'assets', { name: 'shop-assets', classification: 'internal' });
#   runbook:
#     exposure: The bucket ACL grants read (or write) to everyone or to every AWS account
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
#       - do: Replace the public ACL with a private one
#         run: aws s3api put-bucket-acl --bucket {{values.bucket|via.bucket.bucket}} --acl private
#     verify:
#       - do: All four flags read true
#         run: aws s3api get-public-access-block --bucket {{values.bucket|via.bucket.bucket}} --region {{region}}
#       - do: The bucket is no longer public (PolicyStatus.IsPublic false)
#         run: aws s3api get-bucket-policy-status --bucket {{values.bucket|via.bucket.bucket}} --region {{region}}
#       - do: The ACL has no AllUsers or AuthenticatedUsers grant
#         run: aws s3api get-bucket-acl --bucket {{values.bucket|via.bucket.bucket}} --region {{region}}
#   example: |
#     resource "aws_s3_bucket" "data" {
#       bucket = "shop-customer-data" # no acl or grant arguments, no aws_s3_bucket_acl
#     }
#
#     # ACLs disabled: no canned ACL or grant can make the bucket public.
#     resource "aws_s3_bucket_ownership_controls" "data" {
#       bucket = aws_s3_bucket.data.id
#       rule {
#         object_ownership = "BucketOwnerEnforced"
#       }
#     }
package leakguard.rules.aws.s3.public_acl

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

public_acls := {"public-read", "public-read-write", "authenticated-read"}

public_groups := {
	"http://acs.amazonaws.com/groups/global/AllUsers": "AllUsers",
	"http://acs.amazonaws.com/groups/global/AuthenticatedUsers": "AuthenticatedUsers",
}

# Grantee URIs: inline grant blocks (aws_s3_bucket), access_control_policy (aws_s3_bucket_acl).
grant_paths := ["grant.uri", "access_control_policy.grant.grantee.uri"]

reasons(r) := {sprintf("canned ACL %s", [acl]) |
	some acl in resources.values_at(r, "acl")
	acl in public_acls
} | {sprintf("a grant to %s", [public_groups[uri]]) |
	some path in grant_paths
	some uri in resources.values_at(r, path)
	public_groups[uri]
}

acl_attributes := ["acl", "grant", "access_control_policy"]

unknown_acl(r) if {
	some path in acl_attributes
	resources.unresolved(r, path)
}

# Whether r sets an ACL attribute at all: a value, or one unknown or unreadable as a whole
# (what reasons() and unknown_acl() need of a top-level attribute). Most buckets set none,
# and reading every path of one that does not took ~9 KB of the policy's memory a bucket.
sets_acl(r) if {
	some a in acl_attributes
	object.get(r.values, a, null) != null
}

sets_acl(r) if {
	some a in acl_attributes
	a in r.unknown
}

sets_acl(r) if {
	some a in acl_attributes
	a in object.get(r, "unreadable", [])
}

# What the ACL is on, by resource type.
subjects := {"aws_s3_bucket": "bucket", "aws_s3_bucket_acl": "bucket", "aws_s3_object": "object", "aws_s3_bucket_object": "object"}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some t, subject in subjects
	some r in resources.of_type(t)
	sets_acl(r)
	rs := reasons(r)
	count(rs) > 0
	msg := sprintf("%s gives the %s a public ACL: %s", [r.address, subject, concat(", ", sort(rs))])
}

# Said as what it is: not a public ACL, one that cannot be shown not to be.
deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some t, subject in subjects
	some r in resources.of_type(t)
	sets_acl(r)
	count(reasons(r)) == 0
	unknown_acl(r)
	msg := sprintf("%s has an ACL unknown at plan time; that it does not make the %s public cannot be verified", [r.address, subject])
}
