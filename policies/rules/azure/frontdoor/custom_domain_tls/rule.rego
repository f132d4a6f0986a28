# METADATA
# title: Front Door / CDN custom domain accepts TLS below 1.2
# description: |
#   The shop's own domain is where customers sign in and pay. A Front Door custom domain
#   (azurerm_cdn_frontdoor_custom_domain tls.minimum_tls_version, default TLS12) or a CDN
#   endpoint custom domain (azurerm_cdn_endpoint_custom_domain cdn_managed_https or
#   user_managed_https tls_version, default TLS12) set to TLS10 or None accepts protocols
#   with known downgrade attacks; a CDN custom domain without either HTTPS block is served
#   over HTTP only.
#   Unknowns: a TLS setting unknown at plan time is not proven and is reported.
# custom:
#   id: azure-frontdoor-custom-domain-tls
#   control: cdn-auth-caching
#   cloud: azure
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Encryption of personal information in transit
#   remediation: |
#     Set minimum_tls_version = "TLS12" (Front Door) or tls_version = "TLS12" (CDN) on the
#     custom domain's HTTPS settings.
#   construct: SecureFrontDoor
#   fix:
#     summary: Require TLS 1.2 on the custom domain
#     edits:
#       - on: azurerm_cdn_frontdoor_custom_domain
#         nested: tls
#         set: { minimum_tls_version: '"TLS12"' }
#       - on: azurerm_cdn_endpoint_custom_domain
#         nested: cdn_managed_https
#         where: { name: tls_version, values: [TLS10, None] }
#         set: { tls_version: '"TLS12"' }
#       - on: azurerm_cdn_endpoint_custom_domain
#         nested: user_managed_https
#         where: { name: tls_version, values: [TLS10, None] }
#         set: { tls_version: '"TLS12"' }
#   example: |
#     resource "azurerm_cdn_frontdoor_custom_domain" "shop" {
#       name                     = "shop-example-com"
#       cdn_frontdoor_profile_id = azurerm_cdn_frontdoor_profile.shop.id
#       host_name                = "shop.example.com"
#       tls {
#         certificate_type    = "ManagedCertificate"
#         minimum_tls_version = "TLS12"
#       }
#     }
package leakguard.rules.azure.frontdoor.custom_domain_tls

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

weak := {"tls10", "tls11", "none"}

# [type, dotted paths of the TLS setting]
settings := {
	"azurerm_cdn_frontdoor_custom_domain": ["tls.minimum_tls_version"],
	"azurerm_cdn_endpoint_custom_domain": ["cdn_managed_https.tls_version", "user_managed_https.tls_version"],
}

problems(r, paths) := {sprintf("%s = %s", [path, v]) |
	some path in paths
	some v in resources.values_at(r, path)
	lower(v) in weak
} | {sprintf("%s is unknown at plan time", [path]) |
	some path in paths
	resources.unknown_at(r, path)
}

https_blocks(r) := [b |
	some attr in ["cdn_managed_https", "user_managed_https"]
	some b in resources.objects(object.get(r.values, attr, null))
]

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some t, paths in settings
	some r in resources.of_type(t)
	ps := problems(r, paths)
	count(ps) > 0
	msg := sprintf("Custom domain %s accepts TLS below 1.2: %s", [r.address, concat("; ", sort(ps))])
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("azurerm_cdn_endpoint_custom_domain")
	count(https_blocks(r)) == 0
	not resources.unknown_at(r, "cdn_managed_https")
	not resources.unknown_at(r, "user_managed_https")
	msg := sprintf("Custom domain %s has no HTTPS settings (cdn_managed_https or user_managed_https), so it is served over HTTP only", [r.address])
}
