# METADATA
# title: CloudFront serves viewers over plain HTTP
# description: |
#   viewer_protocol_policy "allow-all" on the default or any ordered behaviour serves pages,
#   cookies and form posts over HTTP. Every behaviour must use redirect-to-https or
#   https-only.
#   Unknowns: a policy unknown at plan time is not proven and is reported, and so is a
#   default behaviour unknown at plan time (a required block: always configured) or ordered
#   behaviours set but unknown (a dynamic block over a value known only after apply).
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
	[[pattern_name(b), b] | some b in resources.ordered_behaviours(d)],
)

pattern_name(b) := b.path_pattern if resources.literal(b.path_pattern)

pattern_name(b) := "one with a path pattern unknown at plan time" if not resources.literal(object.get(b, "path_pattern", null))

secure := {"redirect-to-https", "https-only"}

# A policy given as an expression, or computed at apply, cannot be read.
unread(d, "default", _) if resources.unknown_at(d, "default_cache_behavior.viewer_protocol_policy")

unread(_, _, b) if {
	p := object.get(b, "viewer_protocol_policy", null)
	is_string(p)
	contains(p, "${")
}

problems(d) := protocol_problems(d) | unknown_blocks(d)

protocol_problems(d) := {sprintf("%s on behaviours %s", [what, concat(", ", sort(names))]) |
	some what in ["allows HTTP viewers", "has a viewer protocol policy unknown at plan time"]
	names := {name |
		some [name, b] in behaviours(d)
		not object.get(b, "viewer_protocol_policy", null) in secure
		kind(d, name, b) == what
	}
	count(names) > 0
}

# Whole behaviour blocks the input cannot show.
unknown_blocks(d) := {sprintf("has %s unknown at plan time", [what]) |
	some [what, path] in [["a default cache behaviour", "default_cache_behavior"], ["ordered cache behaviours", "ordered_cache_behavior"]]
	block_unknown(d, path)
}

block_unknown(d, "default_cache_behavior") if resources.unknown_at(d, "default_cache_behavior")

block_unknown(d, path) if resources.unresolved(d, path)

kind(d, name, b) := "has a viewer protocol policy unknown at plan time" if unread(d, name, b)

kind(d, name, b) := "allows HTTP viewers" if not unread(d, name, b)

deny contains finding.new(rego.metadata.chain(), d, msg) if {
	some d in resources.of_type("aws_cloudfront_distribution")
	ps := problems(d)
	count(ps) > 0
	msg := sprintf("CloudFront distribution %s %s", [d.address, concat("; ", sort(ps))])
}
