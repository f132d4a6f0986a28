# METADATA
# title: App Service or Function App serves plain HTTP
# description: |
#   Web and function apps take logins, checkout forms and API calls carrying personal
#   information. https_only defaults to false, so the app also answers on plain HTTP where
#   anyone on the path can read or change the traffic. Every web app, function app and
#   deployment slot (azurerm_linux/windows_web_app, _function_app, their _slot resources and
#   the legacy azurerm_app_service / azurerm_function_app) must set https_only = true.
#   Unknowns: a flag unknown at plan time or given by an expression the tool cannot evaluate
#   is not proven and is reported.
# custom:
#   id: azure-appservice-https-only
#   control: storage-encryption
#   cloud: azure
#   severity: high
#   data_stores:
#     check: encryption-in-transit
#     types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_linux_function_app, azurerm_windows_function_app]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information in transit
#   remediation: |
#     Set https_only = true on the app and on each of its deployment slots.
#   construct: HardenedLinuxWebApp
#   fix:
#     summary: Redirect every request to HTTPS
#     edits:
#       - set: { https_only: true }
#     cdktf:
#       option: "HardenedLinuxWebApp always sets httpsOnly"
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
#         minimum_tls_version = "1.2"
#         ftps_state          = "Disabled"
#       }
#     }
package leakguard.rules.azure.appservice.https_only

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

deny contains finding.new(rego.metadata.chain(), a, msg) if {
	some t in resources.app_service_types
	some a in resources.of_type(t)
	object.get(a.values, "https_only", false) != true
	msg := message(a)
}

message(a) := sprintf("%s has https_only unknown at plan time; HTTPS cannot be shown enforced", [a.address]) if resources.unverifiable(a, "https_only")

message(a) := sprintf("%s answers on plain HTTP (https_only is not true)", [a.address]) if not resources.unverifiable(a, "https_only")
