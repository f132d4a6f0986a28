# METADATA
# title: PII Cosmos DB account not encrypted with a customer-managed key
# description: |
#   Cosmos DB accounts classified as personal information (data-classification tag in the
#   configured PII values) must encrypt their data with a customer-managed key
#   (key_vault_key_id, or managed_hsm_key_id), so access can be revoked by disabling the key.
#   Unknowns: a key id unknown at plan time but set by reference counts as set.
# custom:
#   id: azure-cosmosdb-cmk-pii
#   control: storage-encryption
#   cloud: azure
#   severity: high
#   data_stores:
#     check: encryption-at-rest
#     types: [azurerm_cosmosdb_account]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information at rest
#   remediation: |
#     Set key_vault_key_id = azurerm_key_vault_key.x.versionless_id (the Cosmos DB service
#     principal or the account's identity needs get/wrapKey/unwrapKey on the key).
#   construct: HardenedCosmosAccount
#   example: |
#     resource "azurerm_cosmosdb_account" "customers" {
#       name                          = "cosmos-shop-customers"
#       location                      = azurerm_resource_group.shop.location
#       resource_group_name           = azurerm_resource_group.shop.name
#       offer_type                    = "Standard"
#       public_network_access_enabled = false
#       local_authentication_disabled = true
#       key_vault_key_id              = azurerm_key_vault_key.cosmos.versionless_id
#       tags                          = { "data-classification" = "pii" }
#       consistency_policy {
#         consistency_level = "Session"
#       }
#       geo_location {
#         location          = azurerm_resource_group.shop.location
#         failover_priority = 0
#       }
#     }
package leakguard.rules.azure.cosmosdb.cmk_for_pii

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

cmk(a) if {
	some attr in ["key_vault_key_id", "managed_hsm_key_id"]
	resources.configured(a, attr)
}

deny contains finding.new(rego.metadata.chain(), a, msg) if {
	some a in resources.of_type("azurerm_cosmosdb_account")
	resources.is_pii(a)
	not cmk(a)
	msg := sprintf("Cosmos DB account %s holds %s data but is not encrypted with a customer-managed key", [a.address, resources.classification(a)])
}
