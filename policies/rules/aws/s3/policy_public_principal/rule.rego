# METADATA
# title: S3 bucket policy allows every principal
# description: |
#   A bucket policy statement that Allows Principal "*" (or {"AWS": "*"}) without a
#   condition restricting the caller (source account/ARN/VPC/IP, organization …) makes the
#   bucket public, whatever the ACLs say. Policies are read from aws_s3_bucket_policy and
#   the legacy inline aws_s3_bucket.policy, as JSON or through aws_iam_policy_document.
#   Unknowns: a policy unknown at plan time or written as an expression the tool cannot
#   read (e.g. jsonencode) cannot be shown private and is reported.
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

policies contains r if some r in resources.of_type("aws_s3_bucket_policy")

# The legacy inline policy, unless the provider only computes it from a separate resource.
policies contains r if {
	some r in resources.of_type("aws_s3_bucket")
	not resources.computed_unset(r, "policy")
}

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
