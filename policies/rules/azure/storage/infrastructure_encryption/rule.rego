# METADATA
# title: Storage account without infrastructure (double) encryption
# description: |
#   infrastructure_encryption_enabled adds a second, independent layer of AES-256
#   encryption at the infrastructure level, so one compromised key or algorithm does not
#   expose the data. It defaults to false and can only be set when the account is created.
#   Unknowns: a flag unknown at plan time cannot be shown true and is reported.
# custom:
#   id: azure-storage-infrastructure-encryption
#   control: storage-encryption
#   cloud: azure
#   severity: medium
#   data_stores:
#     check: encryption-at-rest
#     types: [azurerm_storage_account]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Encryption of personal information at rest
#   remediation: |
#     Set infrastructure_encryption_enabled = true (forces a new account; migrate the data).
#   construct: HardenedStorageAccount
#   fix:
#     summary: Turn on infrastructure (double) encryption
#     edits:
#       - set: { infrastructure_encryption_enabled: true }
#     cdktf:
#       option: "HardenedStorageAccount always turns on infrastructure encryption"
#       snippet: |
#         new HardenedStorageAccount(this, 'customers', { name: 'stshopcustomers', resourceGroupName: rg.name, location: 'westus2', classification: 'pii' });
#   example: |
#     resource "azurerm_storage_account" "customers" {
#       name                              = "shopcustomers"
#       resource_group_name               = azurerm_resource_group.shop.name
#       location                          = azurerm_resource_group.shop.location
#       account_tier                      = "Standard"
#       account_replication_type          = "GRS"
#       infrastructure_encryption_enabled = true # only at creation: forces a new account
#     }
package leakguard.rules.azure.storage.infrastructure_encryption

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("azurerm_storage_account")
	object.get(r.values, "infrastructure_encryption_enabled", null) != true
	msg := message(r)
}

message(r) := sprintf("Storage account %s has infrastructure_encryption_enabled unknown at plan time", [r.address]) if {
	resources.unknown_at(r, "infrastructure_encryption_enabled")
}

message(r) := sprintf("Storage account %s does not enable infrastructure encryption", [r.address]) if {
	not resources.unknown_at(r, "infrastructure_encryption_enabled")
}
