# METADATA
# title: Checkout/account pages without a strict script CSP
# description: |
#   Third-party analytics and tag-manager scripts on pages that take personal data can read
#   every form field. CloudFront behaviours for the script-controlled paths
#   (script_control_path_patterns, default /account*, /checkout*) must attach an
#   aws_cloudfront_response_headers_policy whose Content-Security-Policy limits script-src
#   (or default-src) to named origins: no "*" wildcard and no 'unsafe-inline'. This is an
#   infrastructure-side mitigation only (advisory).
#   Unknowns: a response-headers policy unknown at plan time or not in the input (e.g. an
#   AWS managed policy id, which sets no CSP) cannot be shown to send the header and is
#   reported. Ordered behaviours set but unknown at plan time are reported: that the
#   script-controlled paths send a strict CSP cannot be verified.
# custom:
#   id: aws-cloudfront-script-csp
#   control: third-party-script-control
#   cloud: aws
#   severity: low
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.100(e) (reasonable security for personal information)
#   audit_component: Oversight of service providers and third parties; secure configuration of hardware and software
#   remediation: |
#     Attach a response headers policy with security_headers_config {
#     content_security_policy { content_security_policy = "script-src 'self'
#     https://js.payments.example; …", override = true } } to those behaviours.
#   construct: SecureDistribution
#   example: |
#     resource "aws_cloudfront_response_headers_policy" "strict_csp" {
#       name = "strict-script-csp"
#       security_headers_config {
#         content_security_policy {
#           content_security_policy = "default-src 'self'; script-src 'self' https://js.stripe.com"
#           override                = true
#         }
#       }
#     }
#
#     # In aws_cloudfront_distribution, on each ordered_cache_behavior for /checkout* and /account*:
#     #   response_headers_policy_id = aws_cloudfront_response_headers_policy.strict_csp.id
package leakguard.rules.aws.cloudfront.script_csp

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

patterns := config.settings.script_control_path_patterns

attr := "ordered_cache_behavior.response_headers_policy_id"

csp_path := "security_headers_config.content_security_policy.content_security_policy"

# The response-headers policies a behaviour uses (by reference; all of the distribution's
# when the value is unknown at plan time).
policies(d, b) := [p |
	v := object.get(b, "response_headers_policy_id", null)
	some key in object.get(d.references, attr, [])
	p := input.resources[key]
	p.type == "aws_cloudfront_response_headers_policy"
	names_policy(v, p)
]

names_policy(v, p) if contains(v, concat("", ["${", p.address, "."]))

names_policy(null, _)

problems(d, b) := {"no response headers policy with a CSP the tool can read"} if count(policies(d, b)) == 0

problems(d, b) := ps if {
	count(policies(d, b)) > 0
	ps := {p |
		some pol in policies(d, b)
		some p in policy_problems(pol)
	}
}

policy_problems(pol) := {"no Content-Security-Policy header"} if count(resources.values_at(pol, csp_path)) == 0

policy_problems(pol) := {p | some csp in resources.values_at(pol, csp_path); some p in resources.csp_script_problems(csp)} if {
	count(resources.values_at(pol, csp_path)) > 0
}

deny contains finding.new(rego.metadata.chain(), d, msg) if {
	some d in resources.of_type("aws_cloudfront_distribution")
	some b in resources.ordered_behaviours(d)
	resources.within_patterns(b.path_pattern, patterns)
	ps := problems(d, b)
	count(ps) > 0
	msg := sprintf("CloudFront distribution %s behaviour %s lets third-party scripts run unrestricted: %s", [d.address, b.path_pattern, concat(", ", sort(ps))])
}

deny contains finding.new(rego.metadata.chain(), d, msg) if {
	some d in resources.of_type("aws_cloudfront_distribution")
	resources.unresolved(d, "ordered_cache_behavior")
	msg := sprintf("CloudFront distribution %s has ordered cache behaviours unknown at plan time; that its checkout and account paths restrict third-party scripts cannot be verified", [d.address])
}

# A behaviour whose path pattern is unknown (a variable without a value, another resource's
# output) may serve the checkout or account paths.
deny contains finding.new(rego.metadata.chain(), d, msg) if {
	some d in resources.of_type("aws_cloudfront_distribution")
	resources.unresolved(d, "ordered_cache_behavior.path_pattern")
	some b in resources.ordered_behaviours(d)
	not resources.literal(object.get(b, "path_pattern", null))
	ps := problems(d, b)
	count(ps) > 0
	msg := sprintf("CloudFront distribution %s has a behaviour whose path pattern is unknown at plan time and lets third-party scripts run unrestricted (%s); that it serves no checkout or account path cannot be verified", [d.address, concat(", ", sort(ps))])
}
