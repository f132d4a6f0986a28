# METADATA
# title: CloudFront caches authenticated paths
# description: |
#   Cache behaviours whose path_pattern lies within the authenticated patterns
#   (auth_path_patterns, default /account*, /checkout*, /api/*) must not cache: one user's
#   account page or API response would be served to the next visitor. A behaviour passes
#   with a caching-disabled cache policy (cloudfront_caching_disabled_policy_ids, or an
#   aws_cloudfront_cache_policy it refers to with max_ttl 0) or legacy TTLs default_ttl and
#   max_ttl of 0.
#   Unknowns: TTLs or a cache policy unknown at plan time are not proven and are reported;
#   the default behaviour is not checked (authenticated paths need their own behaviours).
#   Ordered behaviours set but unknown at plan time (a dynamic block over a value known only
#   after apply) are reported: that they do not cache authenticated paths cannot be verified.
# custom:
#   id: aws-cloudfront-auth-no-cache
#   control: cdn-auth-caching
#   cloud: aws
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Secure configuration of hardware and software
#   remediation: |
#     Give each authenticated path an ordered_cache_behavior with cache_policy_id = the
#     managed CachingDisabled policy (4135ea2d-6df8-44a3-9df3-4b5a84be39ad).
#   construct: SecureDistribution
#   example: |
#     resource "aws_cloudfront_distribution" "shop" {
#       # ... origin, default_cache_behavior, restrictions, viewer_certificate ...
#
#       # One behaviour per authenticated path (/account*, /checkout*, /api/*):
#       ordered_cache_behavior {
#         path_pattern             = "/account*"
#         target_origin_id         = "app"
#         viewer_protocol_policy   = "redirect-to-https"
#         allowed_methods          = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]
#         cached_methods           = ["GET", "HEAD"]
#         cache_policy_id          = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad" # Managed-CachingDisabled
#         origin_request_policy_id = "b689b0a8-53d0-40ab-baf2-68738e2966ac" # AllViewerExceptHostHeader
#       }
#     }
package leakguard.rules.aws.cloudfront.auth_path_no_cache

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

patterns := config.settings.auth_path_patterns

disabled_ids := {id | some id in config.settings.cloudfront_caching_disabled_policy_ids}

# Cache policies in the input that cache nothing (own policies with max_ttl 0, or the
# managed policy looked up by name).
no_cache_policies contains p.key if {
	some p in resources.of_type("aws_cloudfront_cache_policy")
	p.values.max_ttl == 0
}

no_cache_policies contains p.key if {
	some p in resources.data_of_type("aws_cloudfront_cache_policy")
	p.values.name == "Managed-CachingDisabled"
}

not_cached(_, b) if disabled_ids[b.cache_policy_id]

# A policy set by reference: the referenced policies this behaviour names (all of the
# distribution's when the value is unknown at plan time) must all be non-caching.
not_cached(d, b) if {
	not resources.literal(object.get(b, "cache_policy_id", null))
	refs := policy_refs(d, object.get(b, "cache_policy_id", null))
	count(refs) > 0
	every key in refs {
		no_cache_policies[key]
	}
}

policy_refs(d, v) := [key |
	some key in object.get(d.references, "ordered_cache_behavior.cache_policy_id", [])
	contains(v, concat("", ["${", input.resources[key].address, "."]))
] if is_string(v)

policy_refs(d, v) := object.get(d.references, "ordered_cache_behavior.cache_policy_id", []) if not is_string(v)

not_cached(_, b) if {
	object.get(b, "cache_policy_id", null) in {null, ""}
	b.default_ttl == 0
	b.max_ttl == 0
}

deny contains finding.new(rego.metadata.chain(), d, msg) if {
	some d in resources.of_type("aws_cloudfront_distribution")
	cached := {b.path_pattern |
		some b in resources.ordered_behaviours(d)
		resources.within_patterns(b.path_pattern, patterns)
		not not_cached(d, b)
	}
	count(cached) > 0
	msg := sprintf("CloudFront distribution %s may cache authenticated paths %s", [d.address, concat(", ", sort(cached))])
}

deny contains finding.new(rego.metadata.chain(), d, msg) if {
	some d in resources.of_type("aws_cloudfront_distribution")
	resources.unresolved(d, "ordered_cache_behavior")
	msg := sprintf("CloudFront distribution %s has ordered cache behaviours unknown at plan time; that it does not cache authenticated paths cannot be verified", [d.address])
}

# A cached behaviour whose path pattern is unknown (a variable without a value, another
# resource's output) may be an authenticated path.
deny contains finding.new(rego.metadata.chain(), d, msg) if {
	some d in resources.of_type("aws_cloudfront_distribution")
	resources.unresolved(d, "ordered_cache_behavior.path_pattern")
	some b in resources.ordered_behaviours(d)
	not resources.literal(object.get(b, "path_pattern", null))
	not not_cached(d, b)
	msg := sprintf("CloudFront distribution %s caches a behaviour whose path pattern is unknown at plan time; that it is not an authenticated path cannot be verified", [d.address])
}
