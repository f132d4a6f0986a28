# METADATA
# title: PII Synapse workspace not encrypted with a customer-managed key
# description: |
#   Synapse workspaces classified as personal information (data-classification tag in the
#   configured PII values) must add a customer-managed key layer (customer_managed_key with a
#   Key Vault key) to the data in their SQL pools, so access can be revoked by disabling the
#   key.
#   Unknowns: a key id unknown at plan time but set by reference counts as set.
# custom:
#   id: azure-synapse-cmk-pii
#   control: storage-encryption
#   cloud: azure
#   severity: high
#   data_stores:
#     check: encryption-at-rest
#     types: [azurerm_synapse_workspace]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information at rest
#   remediation: |
#     Add customer_managed_key { key_versionless_id = azurerm_key_vault_key.x.versionless_id }
#     and activate it with azurerm_synapse_workspace_key.
#   construct: HardenedSynapseWorkspace
#   example: |
#     resource "azurerm_synapse_workspace" "customers" {
#       name                                 = "synw-shop-customers"
#       resource_group_name                  = azurerm_resource_group.shop.name
#       location                             = azurerm_resource_group.shop.location
#       storage_data_lake_gen2_filesystem_id = azurerm_storage_data_lake_gen2_filesystem.lake.id
#       public_network_access_enabled        = false
#       azuread_authentication_only          = true
#       tags                                 = { "data-classification" = "pii" }
#       customer_managed_key {
#         key_versionless_id = azurerm_key_vault_key.synapse.versionless_id
#         key_name           = "synapse-cmk"
#       }
#       identity {
#         type = "SystemAssigned"
#       }
#     }
package leakguard.rules.azure.synapse.cmk_for_pii

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

deny contains finding.new(rego.metadata.chain(), w, msg) if {
	some w in resources.of_type("azurerm_synapse_workspace")
	resources.is_pii(w)
	not resources.configured(w, "customer_managed_key.key_versionless_id")
	msg := sprintf("Synapse workspace %s holds %s data but is not encrypted with a customer-managed key", [w.address, resources.classification(w)])
}
