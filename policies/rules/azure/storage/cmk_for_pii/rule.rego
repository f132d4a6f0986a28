# METADATA
# title: PII storage account not encrypted with a customer-managed key
# description: |
#   Storage accounts classified as personal information (data-classification tag in the
#   configured PII values) must be encrypted with a customer-managed Key Vault key (inline
#   customer_managed_key block or an azurerm_storage_account_customer_managed_key linked to
#   the account), so access can be revoked by disabling the key.
#   Unknowns: a key id unknown at plan time but set by reference counts as set.
# custom:
#   id: azure-storage-cmk-pii
#   control: storage-encryption
#   cloud: azure
#   severity: high
#   data_stores:
#     check: encryption-at-rest
#     types: [azurerm_storage_account]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information at rest
#   remediation: |
#     Add customer_managed_key { key_vault_key_id = azurerm_key_vault_key.x.id,
#     user_assigned_identity_id = … } or an azurerm_storage_account_customer_managed_key.
#   construct: HardenedStorageAccount
#   example: |
#     resource "azurerm_storage_account" "customers" {
#       name                     = "shopcustomers"
#       resource_group_name      = azurerm_resource_group.shop.name
#       location                 = azurerm_resource_group.shop.location
#       account_tier             = "Standard"
#       account_replication_type = "GRS"
#       tags                     = { "data-classification" = "pii" }
#       identity { type = "SystemAssigned" } # needs Key Vault Crypto Service Encryption User on the key
#     }
#
#     resource "azurerm_storage_account_customer_managed_key" "customers" {
#       storage_account_id = azurerm_storage_account.customers.id
#       key_vault_id       = azurerm_key_vault.keys.id
#       key_name           = azurerm_key_vault_key.storage.name
#     }
package leakguard.rules.azure.storage.cmk_for_pii

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

cmk(r) if {
	some id in resources.values_at(r, "customer_managed_key.key_vault_key_id")
	id != ""
}

cmk(r) if resources.references_under(r, "customer_managed_key")

cmk(r) if count(resources.referrers(r, "azurerm_storage_account_customer_managed_key")) > 0

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("azurerm_storage_account")
	resources.is_pii(r)
	not cmk(r)
	msg := sprintf("Storage account %s holds %s data but is not encrypted with a customer-managed key", [r.address, resources.classification(r)])
}
