# METADATA
# title: CloudFront serves viewers over plain HTTP
# description: |
#   viewer_protocol_policy "allow-all" on the default or any ordered behaviour serves pages,
#   cookies and form posts over HTTP. Every behaviour must use redirect-to-https or
#   https-only.
#   Unknowns: a policy unknown at plan time is not proven and is reported.
# custom:
#   id: aws-cloudfront-https-viewers
#   control: cdn-auth-caching
#   cloud: aws
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Encryption of personal information in transit
#   remediation: |
#     Set viewer_protocol_policy = "redirect-to-https" (or "https-only") on every behaviour.
#   construct: SecureDistribution
#   fix:
#     summary: Redirect viewers from HTTP to HTTPS
#     edits:
#       - nested: default_cache_behavior
#         where: { name: viewer_protocol_policy, values: ["allow-all"] }
#         set: { viewer_protocol_policy: '"redirect-to-https"' }
#       - nested: ordered_cache_behavior
#         where: { name: viewer_protocol_policy, values: ["allow-all"] }
#         set: { viewer_protocol_policy: '"redirect-to-https"' }
#   example: |
#     resource "aws_cloudfront_distribution" "shop" {
#       # ... origin, restrictions, viewer_certificate ...
#
#       default_cache_behavior {
#         target_origin_id       = "app"
#         viewer_protocol_policy = "redirect-to-https" # or "https-only"; never "allow-all"
#         allowed_methods        = ["GET", "HEAD"]
#         cached_methods         = ["GET", "HEAD"]
#         cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6" # Managed-CachingOptimized
#       }
#
#       # Every ordered_cache_behavior sets viewer_protocol_policy the same way.
#     }
package leakguard.rules.aws.cloudfront.https_viewers

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

behaviours(d) := array.concat(
	[["default", b] | some b in resources.objects(object.get(d.values, "default_cache_behavior", null))],
	[[b.path_pattern, b] | some b in resources.ordered_behaviours(d)],
)

deny contains finding.new(rego.metadata.chain(), d, msg) if {
	some d in resources.of_type("aws_cloudfront_distribution")
	insecure := {name |
		some [name, b] in behaviours(d)
		not object.get(b, "viewer_protocol_policy", null) in {"redirect-to-https", "https-only"}
	}
	count(insecure) > 0
	msg := sprintf("CloudFront distribution %s allows HTTP viewers on behaviours %s", [d.address, concat(", ", sort(insecure))])
}
