# METADATA
# title: App Service or Function App allows plain FTP deployment
# description: |
#   ftps_state "AllAllowed" accepts plain FTP, so deployment credentials and the app's files
#   (configuration, connection strings) cross the network unencrypted. It must be
#   "FtpsOnly" or "Disabled". The azurerm_linux/windows_* apps default to "Disabled"; the
#   legacy azurerm_app_service and azurerm_function_app leave Azure's default, "AllAllowed",
#   so they must set it.
#   Unknowns: a state unknown at plan time or given by an expression the tool cannot
#   evaluate is not proven and is reported.
# custom:
#   id: azure-appservice-ftps
#   control: storage-encryption
#   cloud: azure
#   severity: medium
#   data_stores:
#     check: encryption-in-transit
#     types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_linux_function_app, azurerm_windows_function_app]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Encryption of personal information in transit; secure configuration
#   remediation: |
#     Set site_config { ftps_state = "Disabled" } (or "FtpsOnly" if FTP deployment is needed).
#   construct: HardenedLinuxWebApp
#   fix:
#     summary: Turn off FTP deployment (FTPS is not needed for zip or container deployment)
#     edits:
#       - nested: site_config
#         set: { ftps_state: '"Disabled"' }
#     cdktf:
#       option: "HardenedLinuxWebApp always sets ftpsState Disabled"
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
#         ftps_state = "Disabled"
#       }
#     }
package leakguard.rules.azure.appservice.ftps

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

# The legacy resources leave ftps_state to Azure, whose default is AllAllowed.
default_state(a) := "AllAllowed" if a.type in resources.legacy_app_service_types

default_state(a) := "Disabled" if not a.type in resources.legacy_app_service_types

state(a) := s if {
	some s in resources.values_at(a, "site_config.ftps_state")
} else := default_state(a)

deny contains finding.new(rego.metadata.chain(), a, msg) if {
	some t in resources.app_service_types
	some a in resources.of_type(t)
	msg := problem(a)
}

problem(a) := sprintf("%s has site_config.ftps_state unknown at plan time; plain FTP cannot be shown off", [a.address]) if {
	resources.unverifiable(a, "site_config.ftps_state")
} else := sprintf("%s accepts plain FTP (ftps_state %s)", [a.address, state(a)]) if {
	state(a) == "AllAllowed"
}
