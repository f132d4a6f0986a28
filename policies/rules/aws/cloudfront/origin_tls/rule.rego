# METADATA
# title: CloudFront sends requests to a custom origin without TLS 1.2
# description: |
#   Viewers' cookies, tokens and form posts travel on from CloudFront to the origin. A custom
#   origin with origin_protocol_policy "http-only", or "match-viewer" behind a behaviour that
#   lets viewers use HTTP (viewer_protocol_policy "allow-all"), receives them in plain text;
#   origin_ssl_protocols that include SSLv3, TLSv1 or TLSv1.1 allow a downgrade. S3 and
#   other AWS origins without custom_origin_config always use HTTPS.
#   Unknowns: a protocol policy or viewer policy not readable before apply is reported, and
#   so is an origin whose settings are unknown until apply or hidden (a sensitive value in an
#   origin, such as a secret custom header, makes Terraform hide the whole origin set).
# custom:
#   id: aws-cloudfront-origin-tls
#   control: cdn-auth-caching
#   cloud: aws
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information (in transit); network monitoring and defences
#   remediation: |
#     Set custom_origin_config { origin_protocol_policy = "https-only",
#     origin_ssl_protocols = ["TLSv1.2"] } and serve a certificate on the origin.
#   construct: SecureDistribution
#   fix:
#     summary: Reach custom origins over HTTPS only, with TLS 1.2
#     edits:
#       - nested: origin.custom_origin_config
#         where: { name: origin_protocol_policy, values: [http-only, match-viewer] }
#         set: { origin_protocol_policy: '"https-only"' }
#       - nested: origin.custom_origin_config
#         where: { name: origin_ssl_protocols, values: [SSLv3, TLSv1, TLSv1.1] }
#         set: { origin_ssl_protocols: '["TLSv1.2"]' }
#     cdktf:
#       option: "SecureDistribution reaches the API origin over HTTPS with TLS 1.2 only"
#       snippet: |
#         new SecureDistribution(this, 'shop', { name: 'shop', siteBucket: siteBucket, apiOriginDomain: 'api.shop.example', certificateArn: shopCertificate.arn, webAclArn: edgeAcl.arn });
#   example: |
#     resource "aws_cloudfront_distribution" "shop" {
#       enabled = true
#       origin {
#         origin_id   = "api"
#         domain_name = "api.shop.example.com"
#         custom_origin_config {
#           http_port              = 80
#           https_port             = 443
#           origin_protocol_policy = "https-only"
#           origin_ssl_protocols   = ["TLSv1.2"]
#         }
#       }
#       default_cache_behavior {
#         target_origin_id       = "api"
#         viewer_protocol_policy = "redirect-to-https"
#         allowed_methods        = ["GET", "HEAD"]
#         cached_methods         = ["GET", "HEAD"]
#         cache_policy_id        = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
#       }
#       restrictions {
#         geo_restriction {
#           restriction_type = "none"
#         }
#       }
#       viewer_certificate {
#         cloudfront_default_certificate = true
#       }
#     }
package leakguard.rules.aws.cloudfront.origin_tls

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

weak_protocols := {"SSLv3", "TLSv1", "TLSv1.1"}

behaviours(d) := array.concat(
	resources.objects(object.get(d.values, "default_cache_behavior", null)),
	resources.ordered_behaviours(d),
)

custom_origins(d) := [[id, c] |
	some o in resources.objects(object.get(d.values, "origin", null))
	id := object.get(o, "origin_id", "")
	some c in resources.objects(object.get(o, "custom_origin_config", null))
]

# Some behaviour routing to the origin lets viewers use HTTP (or cannot be shown not to).
http_viewers(d, id) if {
	some b in behaviours(d)
	object.get(b, "target_origin_id", "") == id
	not object.get(b, "viewer_protocol_policy", null) in {"redirect-to-https", "https-only"}
}

protocol_problem(_, _, "http-only") := "plain HTTP (origin_protocol_policy http-only)"

protocol_problem(d, id, "match-viewer") := "plain HTTP for HTTP viewers (match-viewer behind a behaviour that allows HTTP)" if http_viewers(d, id)

protocol_problem(_, _, policy) := "an origin_protocol_policy unknown before apply" if not resources.literal(policy)

ssl_problem(c) := sprintf("origin_ssl_protocols %s", [concat(", ", sort(weak))]) if {
	weak := {p | some p in resources.as_list(object.get(c, "origin_ssl_protocols", null)); p in weak_protocols}
	count(weak) > 0
}

problems(d) := [sprintf("origin %s gets %s", [id, p]) |
	some [id, c] in custom_origins(d)
	some p in array.concat(
		[x | x := protocol_problem(d, id, object.get(c, "origin_protocol_policy", ""))],
		[x | x := ssl_problem(c)],
	)
]

deny contains finding.new(rego.metadata.chain(), d, msg) if {
	some d in resources.of_type("aws_cloudfront_distribution")
	not unreadable(d)
	ps := problems(d)
	count(ps) > 0
	msg := sprintf("CloudFront distribution %s forwards to origins without TLS 1.2: %s", [d.address, concat("; ", ps)])
}

# Origins whose settings the input cannot show: unknown until apply, or hidden (a sensitive
# value in an origin, a secret custom header, makes Terraform mark the whole origin set
# sensitive).
deny contains finding.new(rego.metadata.chain(), d, msg) if {
	some d in resources.of_type("aws_cloudfront_distribution")
	unreadable(d)
	msg := sprintf("CloudFront distribution %s has origin settings that cannot be read before apply (unknown, or sensitive as a whole), so it cannot be shown to forward over TLS 1.2%s", [d.address, also(problems(d))])
}

origin_paths := ["origin", "origin.custom_origin_config", "origin.custom_origin_config.origin_protocol_policy", "origin.custom_origin_config.origin_ssl_protocols"]

unreadable(d) if {
	some path in origin_paths
	resources.unknown_at(d, path)
}

also(ps) := "" if count(ps) == 0

also(ps) := sprintf("; and %s", [concat("; ", ps)]) if count(ps) > 0
