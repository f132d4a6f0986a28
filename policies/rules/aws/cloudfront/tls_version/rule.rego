# METADATA
# title: CloudFront accepts TLS older than 1.2
# description: |
#   viewer_certificate.minimum_protocol_version must be one of cloudfront_tls_policies
#   (TLSv1.2_2021 or newer). The default CloudFront certificate
#   (cloudfront_default_certificate = true) always allows TLSv1 and fails. An unset
#   minimum_protocol_version is TLSv1, the AWS provider's default, and fails.
#   Unknowns: a version unknown at plan time is not proven and is reported.
# custom:
#   id: aws-cloudfront-tls
#   control: cdn-auth-caching
#   cloud: aws
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Encryption of personal information in transit
#   remediation: |
#     Use an ACM certificate with ssl_support_method = "sni-only" and
#     minimum_protocol_version = "TLSv1.2_2021".
#   construct: SecureDistribution
#   example: |
#     resource "aws_cloudfront_distribution" "shop" {
#       # ... origin, default_cache_behavior, restrictions ...
#       aliases = ["shop.example.com"]
#
#       viewer_certificate {
#         acm_certificate_arn      = aws_acm_certificate.shop.arn # issued in us-east-1
#         ssl_support_method       = "sni-only"
#         minimum_protocol_version = "TLSv1.2_2021"
#       }
#     }
package leakguard.rules.aws.cloudfront.tls_version

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

accepted := {v | some v in config.settings.cloudfront_tls_policies}

version(d) := "the default certificate (TLSv1)" if true in resources.values_at(d, "viewer_certificate.cloudfront_default_certificate")

version(d) := v if {
	not true in resources.values_at(d, "viewer_certificate.cloudfront_default_certificate")
	[v] := resources.values_at(d, "viewer_certificate.minimum_protocol_version")
	resources.literal(v)
}

version(d) := "a version unknown at plan time" if {
	not true in resources.values_at(d, "viewer_certificate.cloudfront_default_certificate")
	unknown_version(d)
}

version(d) := "TLSv1 (minimum_protocol_version unset: the provider's default)" if {
	not true in resources.values_at(d, "viewer_certificate.cloudfront_default_certificate")
	not unknown_version(d)
	count(resources.values_at(d, "viewer_certificate.minimum_protocol_version")) == 0
}

unknown_version(d) if resources.unknown_at(d, "viewer_certificate.minimum_protocol_version")

unknown_version(d) if resources.interpolated(d, "viewer_certificate.minimum_protocol_version")

deny contains finding.new(rego.metadata.chain(), d, msg) if {
	some d in resources.of_type("aws_cloudfront_distribution")
	v := version(d)
	not accepted[v]
	msg := sprintf("CloudFront distribution %s accepts viewers with %s; require TLSv1.2_2021 or newer", [d.address, v])
}
