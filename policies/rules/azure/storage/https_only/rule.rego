# METADATA
# title: Storage account accepts plain HTTP
# description: |
#   https_traffic_only_enabled (enable_https_traffic_only before azurerm 4.0) false lets
#   clients read and write blobs over HTTP. Both default to true, so only an explicit false
#   (under either name) is a violation.
#   Unknowns: a flag unknown at plan time cannot be shown true and is reported.
# custom:
#   id: azure-storage-https-only
#   control: storage-encryption
#   cloud: azure
#   severity: high
#   data_stores:
#     check: encryption-in-transit
#     types: [azurerm_storage_account]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Encryption of personal information in transit
#   remediation: |
#     Remove the override or set https_traffic_only_enabled = true.
#   construct: HardenedStorageAccount
#   fix:
#     summary: Accept HTTPS traffic only
#     edits:
#       - where: { name: https_traffic_only_enabled, values: ["false"] }
#         set: { https_traffic_only_enabled: true }
#       - where: { name: enable_https_traffic_only, values: ["false"] }
#         set: { enable_https_traffic_only: true }
#     cdktf:
#       option: "HardenedStorageAccount accepts HTTPS traffic only (no option turns HTTP on)"
#       snippet: |
#         new HardenedStorageAccount(this, 'customers', { name: 'stshopcustomers', resourceGroupName: rg.name, location: 'westus2', classification: 'pii' });
#   example: |
#     resource "azurerm_storage_account" "customers" {
#       name                       = "shopcustomers"
#       resource_group_name        = azurerm_resource_group.shop.name
#       location                   = azurerm_resource_group.shop.location
#       account_tier               = "Standard"
#       account_replication_type   = "GRS"
#       https_traffic_only_enabled = true # the default; never false
#       min_tls_version            = "TLS1_2"
#     }
package leakguard.rules.azure.storage.https_only

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

flags := ["https_traffic_only_enabled", "enable_https_traffic_only"]

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("azurerm_storage_account")
	some flag in flags
	r.values[flag] == false
	msg := sprintf("Storage account %s accepts plain HTTP (%s = false)", [r.address, flag])
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("azurerm_storage_account")
	some flag in flags
	resources.unknown_at(r, flag)
	msg := sprintf("Storage account %s has %s unknown at plan time; HTTPS-only cannot be shown", [r.address, flag])
}
