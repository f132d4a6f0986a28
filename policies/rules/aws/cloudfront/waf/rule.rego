# METADATA
# title: CloudFront distribution without a WAF
# description: |
#   A CloudFront distribution is the shop's front door: logins, account pages and checkout
#   reach the origins through it. Without a web ACL (web_acl_id: a WAFv2 web ACL's ARN, of
#   scope CLOUDFRONT, or a classic WAF's id) credential stuffing, injection payloads, known bad
#   inputs and scraping floods reach the origins unfiltered. CloudFront takes its web ACL only
#   through web_acl_id: an aws_wafv2_web_acl_association cannot name a distribution.
#   Unknowns: a web_acl_id set by reference (the ACL's ARN, known after apply) counts as set;
#   one written as an expression the input cannot evaluate is reported as not verifiable.
# custom:
#   id: aws-cloudfront-waf
#   control: api-input-validation
#   cloud: aws
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Network monitoring and defences; secure development and coding practices
#   remediation: |
#     Create an aws_wafv2_web_acl with scope = "CLOUDFRONT" (in us-east-1) running the AWS
#     managed rule groups (common, known bad inputs, IP reputation, a rate limit) and set
#     web_acl_id = aws_wafv2_web_acl.edge.arn on the distribution (changes in place).
#   construct: SecureDistribution
#   example: |
#     resource "aws_cloudfront_distribution" "shop" {
#       # ... origin, default_cache_behavior, restrictions, viewer_certificate ...
#       web_acl_id = aws_wafv2_web_acl.edge.arn
#     }
package leakguard.rules.aws.cloudfront.waf

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

protected(d) if resources.literal(d.values.web_acl_id)

protected(d) if resources.references_under(d, "web_acl_id")

deny contains finding.new(rego.metadata.chain(), d, msg) if {
	some d in resources.of_type("aws_cloudfront_distribution")
	not protected(d)
	not resources.unresolved(d, "web_acl_id")
	msg := sprintf("CloudFront distribution %s has no WAF web ACL (web_acl_id): requests reach its origins unfiltered", [d.address])
}

deny contains finding.new(rego.metadata.chain(), d, msg) if {
	some d in resources.of_type("aws_cloudfront_distribution")
	not protected(d)
	resources.unresolved(d, "web_acl_id")
	msg := sprintf("CloudFront distribution %s has a web_acl_id unknown at plan time; that a WAF filters its requests cannot be verified", [d.address])
}
