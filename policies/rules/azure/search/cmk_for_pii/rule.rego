# METADATA
# title: PII search service does not enforce customer-managed keys
# description: |
#   Search services whose indexes hold personal information (data-classification tag in the
#   configured PII values) must enforce customer-managed-key encryption of indexes and
#   synonym maps (customer_managed_key_enforcement_enabled = true, default false), so an
#   index cannot be created under platform keys only and access can be revoked by
#   disabling the key.
#   Unknowns: a flag unknown at plan time or given by an expression the tool cannot evaluate
#   is not proven and is reported.
# custom:
#   id: azure-search-cmk-pii
#   control: storage-encryption
#   cloud: azure
#   severity: high
#   data_stores:
#     check: encryption-at-rest
#     types: [azurerm_search_service]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information at rest
#   remediation: |
#     Set customer_managed_key_enforcement_enabled = true and create indexes with an
#     encryptionKey from Key Vault.
#   construct: HardenedSearchService
#   example: |
#     resource "azurerm_search_service" "customers" {
#       name                                     = "srch-shop-customers"
#       resource_group_name                      = azurerm_resource_group.shop.name
#       location                                 = azurerm_resource_group.shop.location
#       sku                                      = "standard"
#       public_network_access_enabled            = false
#       customer_managed_key_enforcement_enabled = true
#       tags                                     = { "data-classification" = "pii" }
#     }
package leakguard.rules.azure.search.cmk_for_pii

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

deny contains finding.new(rego.metadata.chain(), s, msg) if {
	some s in resources.of_type("azurerm_search_service")
	resources.is_pii(s)
	object.get(s.values, "customer_managed_key_enforcement_enabled", false) != true
	msg := message(s)
}

message(s) := sprintf("Search service %s has customer_managed_key_enforcement_enabled unknown at plan time; CMK encryption cannot be shown", [s.address]) if resources.unverifiable(s, "customer_managed_key_enforcement_enabled")

message(s) := sprintf("Search service %s holds %s data but does not enforce customer-managed keys", [s.address, resources.classification(s)]) if not resources.unverifiable(s, "customer_managed_key_enforcement_enabled")
