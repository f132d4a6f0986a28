# METADATA
# title: App Service or Function App accepts TLS older than 1.2
# description: |
#   TLS 1.0/1.1 are broken for data in transit. The site and its SCM (deployment) endpoint
#   must require TLS 1.2 or newer: site_config.minimum_tls_version and
#   scm_minimum_tls_version (min_tls_version / scm_min_tls_version on the legacy
#   azurerm_app_service and azurerm_function_app) must not be "1.0" or "1.1". Both default
#   to "1.2".
#   Unknowns: a version unknown at plan time or given by an expression the tool cannot
#   evaluate cannot be shown to be TLS 1.2 and is reported.
# custom:
#   id: azure-appservice-min-tls
#   control: storage-encryption
#   cloud: azure
#   severity: high
#   data_stores:
#     check: encryption-in-transit
#     types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_linux_function_app, azurerm_windows_function_app]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Encryption of personal information in transit
#   remediation: |
#     Set site_config { minimum_tls_version = "1.2", scm_minimum_tls_version = "1.2" } (or
#     remove the older values).
#   construct: HardenedLinuxWebApp
#   fix:
#     summary: Refuse clients older than TLS 1.2
#     edits:
#       - nested: site_config
#         where: { name: minimum_tls_version, values: ["1.0", "1.1"] }
#         set: { minimum_tls_version: '"1.2"' }
#       - nested: site_config
#         where: { name: scm_minimum_tls_version, values: ["1.0", "1.1"] }
#         set: { scm_minimum_tls_version: '"1.2"' }
#       - nested: site_config
#         where: { name: min_tls_version, values: ["1.0", "1.1"] }
#         set: { min_tls_version: '"1.2"' }
#       - nested: site_config
#         where: { name: scm_min_tls_version, values: ["1.0", "1.1"] }
#         set: { scm_min_tls_version: '"1.2"' }
#     cdktf:
#       option: "HardenedLinuxWebApp always requires TLS 1.2 (site and SCM)"
#       snippet: |
#         new HardenedLinuxWebApp(this, 'shop', { name: 'app-shop', resourceGroupName: rg.name, location: 'westus2', servicePlanId: plan.id });
#   example: |
#     resource "azurerm_linux_web_app" "storefront" {
#       name                = "app-shop-storefront"
#       location            = azurerm_resource_group.shop.location
#       resource_group_name = azurerm_resource_group.shop.name
#       service_plan_id     = azurerm_service_plan.shop.id
#       https_only          = true
#       site_config {
#         minimum_tls_version     = "1.2"
#         scm_minimum_tls_version = "1.2"
#       }
#     }
package leakguard.rules.azure.appservice.min_tls

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

weak := {"1.0", "1.1"}

tls_paths := [
	"site_config.minimum_tls_version", "site_config.scm_minimum_tls_version",
	"site_config.min_tls_version", "site_config.scm_min_tls_version",
]

deny contains finding.new(rego.metadata.chain(), a, msg) if {
	some t in resources.app_service_types
	some a in resources.of_type(t)
	problems := [p | some path in tls_paths; p := problem(a, path)]
	count(problems) > 0
	msg := sprintf("%s %s", [a.address, concat("; ", problems)])
}

problem(a, path) := sprintf("has %s unknown at plan time; TLS 1.2 cannot be shown", [path]) if resources.unverifiable(a, path)

problem(a, path) := sprintf("accepts TLS %s (%s)", [v, path]) if {
	not resources.unverifiable(a, path)
	some v in resources.values_at(a, path)
	v in weak
}
