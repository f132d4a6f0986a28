# METADATA
# title: Storage account accepts TLS older than 1.2
# description: |
#   TLS 1.0/1.1 are broken for data in transit. min_tls_version must be "TLS1_2" (or newer);
#   it has to be set explicitly because its default differs across azurerm versions
#   (TLS1_0 before 3.0).
#   Unknowns: a version unknown at plan time cannot be shown to be TLS 1.2 and is reported.
# custom:
#   id: azure-storage-min-tls
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
#     Set min_tls_version = "TLS1_2" on the azurerm_storage_account.
#   construct: HardenedStorageAccount
#   fix:
#     summary: Refuse clients older than TLS 1.2
#     edits:
#       - set: { min_tls_version: '"TLS1_2"' }
#     cdktf:
#       option: "HardenedStorageAccount always sets TLS1_2"
#       snippet: |
#         new HardenedStorageAccount(this, 'customers', { name: 'stshopcustomers', resourceGroupName: rg.name, location: 'westus2', classification: 'pii' });
#   example: |
#     resource "azurerm_storage_account" "customers" {
#       name                     = "shopcustomers"
#       resource_group_name      = azurerm_resource_group.shop.name
#       location                 = azurerm_resource_group.shop.location
#       account_tier             = "Standard"
#       account_replication_type = "GRS"
#       min_tls_version          = "TLS1_2"
#     }
package leakguard.rules.azure.storage.min_tls

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

accepted := {"TLS1_2", "TLS1_3"}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("azurerm_storage_account")
	not object.get(r.values, "min_tls_version", null) in accepted
	msg := message(r)
}

message(r) := sprintf("Storage account %s has min_tls_version unknown at plan time; TLS 1.2 cannot be shown", [r.address]) if {
	resources.unknown_at(r, "min_tls_version")
}

message(r) := sprintf("Storage account %s accepts %s; set min_tls_version = \"TLS1_2\"", [r.address, version]) if {
	not resources.unknown_at(r, "min_tls_version")
	version := resources.shown(object.get(r.values, "min_tls_version", "the provider's default TLS version"))
}
