# METADATA
# title: Front Door caches authenticated routes
# description: |
#   An azurerm_cdn_frontdoor_route whose patterns_to_match lie within the authenticated
#   patterns (auth_path_patterns, default /account*, /checkout*, /api/*) must have no cache
#   block (caching off), or personalised responses are served to other users.
#   Unknowns: patterns set from another resource, a variable without a value or an
#   expression cannot be shown to leave out the authenticated paths, and a caching route
#   with them is reported; a cache block unknown at plan time is reported.
# custom:
#   id: azure-frontdoor-auth-no-cache
#   control: cdn-auth-caching
#   cloud: azure
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Secure configuration of hardware and software
#   remediation: |
#     Give authenticated paths their own route without a cache block.
#   construct: SecureFrontDoor
#   example: |
#     # Authenticated paths get their own route, with no cache block.
#     resource "azurerm_cdn_frontdoor_route" "authenticated" {
#       name                          = "authenticated"
#       cdn_frontdoor_endpoint_id     = azurerm_cdn_frontdoor_endpoint.shop.id
#       cdn_frontdoor_origin_group_id = azurerm_cdn_frontdoor_origin_group.app.id
#       cdn_frontdoor_origin_ids      = [azurerm_cdn_frontdoor_origin.app.id]
#       patterns_to_match             = ["/account/*", "/checkout/*", "/api/*"]
#       supported_protocols           = ["Https"]
#       https_redirect_enabled        = false
#       forwarding_protocol           = "HttpsOnly"
#     }
package leakguard.rules.azure.frontdoor.auth_route_no_cache

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

patterns := config.settings.auth_path_patterns

caches(r) if count(resources.objects(object.get(r.values, "cache", null))) > 0

caches(r) if resources.unknown_at(r, "cache")

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("azurerm_cdn_frontdoor_route")
	auth := {p | some p in resources.as_list(object.get(r.values, "patterns_to_match", null)); resources.within_patterns(p, patterns)}
	count(auth) > 0
	caches(r)
	msg := sprintf("Front Door route %s caches authenticated paths %s", [r.address, concat(", ", sort(auth))])
}

# Patterns set from another resource, a variable without a value or an expression (none of
# the known ones authenticated): the route may cache an authenticated path.
deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("azurerm_cdn_frontdoor_route")
	resources.unresolved_list(r, "patterns_to_match")
	not auth_pattern(r)
	caches(r)
	msg := sprintf("Front Door route %s has patterns_to_match unknown at plan time; that it caches no authenticated path (%s) cannot be verified", [r.address, concat(", ", patterns)])
}

auth_pattern(r) if {
	some p in resources.as_list(object.get(r.values, "patterns_to_match", null))
	resources.within_patterns(p, patterns)
}
