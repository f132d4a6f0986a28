# METADATA
# title: S3 bucket policy allows every principal
# description: |
#   A bucket policy statement that Allows Principal "*" (or {"AWS": "*"}) without a
#   condition restricting the caller (source account/ARN/VPC/IP, organization …) makes the
#   bucket public, whatever the ACLs say. Policies are read from aws_s3_bucket_policy and
#   the legacy inline aws_s3_bucket.policy, as JSON or through aws_iam_policy_document.
#   Every principal: "*", an Allow with NotPrincipal (all but those named), or
#   cloudfront.amazonaws.com without a condition naming the distribution (every distribution
#   of every account reads through it).
#   A jsonencode() or heredoc policy that names a resource's ARN is read with the ARN as
#   "(known after apply)" (HCL, and a plan beside its folder; a plan alone leaves it unknown).
#   Unknowns: a policy unknown at plan time or written from what cannot be read here (a
#   variable without a value, a data source) cannot be shown private and is reported.
# custom:
#   id: aws-s3-policy-public-principal
#   control: public-storage
#   cloud: aws
#   severity: critical
#   data_stores:
#     check: public-reachability
#     types: [aws_s3_bucket]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Access controls; secure configuration of hardware and software
#   remediation: |
#     Name the principals (accounts, roles, services) instead of "*", or add a condition
#     such as aws:SourceArn, aws:SourceAccount, aws:SourceVpce or aws:PrincipalOrgID.
#     Write the policy as literal JSON or an aws_iam_policy_document so it can be checked.
#   construct: HardenedBucket
#   runbook:
#     exposure: The bucket policy allows Principal "*" without a restricting condition, so anyone may read or write objects
#     preserve:
#       - do: Save the bucket policy as it is now, before anything changes it
#         run: aws s3api get-bucket-policy --bucket {{values.bucket|via.bucket.bucket}} --region {{region}}
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
#       - do: Make S3 ignore the public policy at once (reversible)
#         run: aws s3api put-public-access-block --bucket {{values.bucket|via.bucket.bucket}} --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true
#       - do: Remove the public policy (put back a reviewed one from code afterwards)
#         run: aws s3api delete-bucket-policy --bucket {{values.bucket|via.bucket.bucket}}
#         destructive: true
#     verify:
#       - do: All four flags read true
#         run: aws s3api get-public-access-block --bucket {{values.bucket|via.bucket.bucket}} --region {{region}}
#       - do: The bucket is no longer public (PolicyStatus.IsPublic false)
#         run: aws s3api get-bucket-policy-status --bucket {{values.bucket|via.bucket.bucket}} --region {{region}}
#   example: |
#     resource "aws_s3_bucket_policy" "assets" {
#       bucket = aws_s3_bucket.assets.id
#       policy = <<-JSON
#         {"Version": "2012-10-17", "Statement": [{
#           "Sid": "CloudFrontRead", "Effect": "Allow", "Action": "s3:GetObject",
#           "Principal": {"Service": "cloudfront.amazonaws.com"},
#           "Resource": "arn:aws:s3:::shop-assets/*",
#           "Condition": {"StringEquals": {
#             "AWS:SourceArn": "arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE"}}
#         }]}
#       JSON
#     }
package leakguard.rules.aws.s3.policy_public_principal

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

# Bucket policies and the legacy inline policy, unless the provider only computes it from a
# separate resource. A list, not a set: a set hashes each whole resource (lib/resources.rego,
# identity_documents).
policies := array.concat(
	resources.of_type("aws_s3_bucket_policy"),
	[r | some r in resources.of_type("aws_s3_bucket"); not resources.computed_unset(r, "policy")],
)

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in policies
	msg := message(r, resources.policy(r, "policy"))
}

message(r, doc) := sprintf("%s allows %s to every principal without a restricting condition", [r.address, concat("; ", grants)]) if {
	doc.status == "known"
	grants := resources.public_grants(doc)
	count(grants) > 0
}

message(r, doc) := sprintf("%s has a bucket policy that cannot be read before apply; it cannot be shown not to allow every principal", [r.address]) if {
	doc.status == "unknown"
}
