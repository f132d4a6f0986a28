# METADATA
# title: CloudFront distribution without access logging
# description: |
#   Standard logs (logging_config with a bucket) or a CloudWatch log delivery source for
#   the distribution record every viewer request; without them abuse of account and
#   checkout pages cannot be traced.
#   Unknowns: a log bucket unknown at plan time but set by reference counts as set. A whole
#   logging_config block set but unknown at plan time (a dynamic block over a value known only
#   after apply, possibly empty) is reported: that requests are logged cannot be verified.
# custom:
#   id: aws-cloudfront-logging
#   control: cdn-auth-caching
#   cloud: aws
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.82 (breach notification without unreasonable delay)
#   audit_component: Audit-log management
#   remediation: |
#     Add logging_config { bucket = <log bucket domain name>, include_cookies = false }.
#   construct: SecureDistribution
#   example: |
#     resource "aws_cloudfront_distribution" "shop" {
#       # ... origin, default_cache_behavior, restrictions, viewer_certificate ...
#
#       logging_config {
#         bucket          = aws_s3_bucket.cdn_logs.bucket_domain_name
#         prefix          = "cloudfront/shop/"
#         include_cookies = false
#       }
#     }
package leakguard.rules.aws.cloudfront.logging

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

logged(d) if {
	some b in resources.values_at(d, "logging_config.bucket")
	b != ""
}

logged(d) if {
	resources.references_under(d, "logging_config.bucket")
	not resources.unresolved(d, "logging_config")
}

logged(d) if count(resources.referrers(d, "aws_cloudwatch_log_delivery_source")) > 0

deny contains finding.new(rego.metadata.chain(), d, msg) if {
	some d in resources.of_type("aws_cloudfront_distribution")
	not logged(d)
	not resources.unresolved(d, "logging_config")
	msg := sprintf("CloudFront distribution %s does not log viewer requests", [d.address])
}

deny contains finding.new(rego.metadata.chain(), d, msg) if {
	some d in resources.of_type("aws_cloudfront_distribution")
	not logged(d)
	resources.unresolved(d, "logging_config")
	msg := sprintf("CloudFront distribution %s has logging_config unknown at plan time; that it logs viewer requests cannot be verified", [d.address])
}
