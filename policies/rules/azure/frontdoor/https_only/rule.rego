# METADATA
# title: Front Door / CDN serves content over plain HTTP
# description: |
#   A Front Door route that supports Http with https_redirect_enabled = false (default
#   true), or a classic azurerm_cdn_endpoint with is_http_allowed not false (default true),
#   serves pages and cookies over HTTP.
#   Unknowns: a setting unknown at plan time is not proven and is reported.
# custom:
#   id: azure-frontdoor-https-only
#   control: cdn-auth-caching
#   cloud: azure
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Encryption of personal information in transit
#   remediation: |
#     Use supported_protocols = ["Https"] or keep https_redirect_enabled = true; set
#     is_http_allowed = false on CDN endpoints.
#   construct: SecureFrontDoor
#   fix:
#     summary: Redirect HTTP requests to HTTPS
#     edits:
#       - set: { https_redirect_enabled: true }
#   example: |
#     resource "azurerm_cdn_frontdoor_route" "shop" {
#       name                          = "shop"
#       cdn_frontdoor_endpoint_id     = azurerm_cdn_frontdoor_endpoint.shop.id
#       cdn_frontdoor_origin_group_id = azurerm_cdn_frontdoor_origin_group.app.id
#       cdn_frontdoor_origin_ids      = [azurerm_cdn_frontdoor_origin.app.id]
#       patterns_to_match             = ["/*"]
#       supported_protocols           = ["Http", "Https"]
#       https_redirect_enabled        = true # HTTP requests are redirected to HTTPS
#       forwarding_protocol           = "HttpsOnly"
#     }
#     # Classic azurerm_cdn_endpoint: is_http_allowed = false.
package leakguard.rules.azure.frontdoor.https_only

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("azurerm_cdn_frontdoor_route")
	"Http" in resources.as_list(object.get(r.values, "supported_protocols", null))
	not redirects(r)
	msg := sprintf("Front Door route %s serves HTTP without redirecting to HTTPS", [r.address])
}

redirects(r) if {
	object.get(r.values, "https_redirect_enabled", true) == true
	not resources.unknown_at(r, "https_redirect_enabled")
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("azurerm_cdn_endpoint")
	object.get(r.values, "is_http_allowed", true) != false
	msg := sprintf("CDN endpoint %s allows HTTP (is_http_allowed is not false)", [r.address])
}

# Protocols set from another resource, a variable without a value or an expression, with no
# redirect: the route may serve HTTP.
deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("azurerm_cdn_frontdoor_route")
	resources.unresolved_list(r, "supported_protocols")
	not "Http" in resources.as_list(object.get(r.values, "supported_protocols", null))
	not redirects(r)
	msg := sprintf("Front Door route %s has supported_protocols unknown at plan time; that it serves no HTTP without redirecting to HTTPS cannot be verified", [r.address])
}
