# METADATA
# title: Azure data store not classified and owned
# description: |
#   Every data-bearing Azure resource (azure_data_resource_types: storage accounts, SQL,
#   Cosmos DB, Key Vault, managed disks, …) carries a data-classification tag with an
#   allowed value plus owner and environment (ownership_tag_keys).
#   Unknowns: tags unknown at plan time cannot be shown present and are reported.
# custom:
#   id: azure-data-classification-tags
#   control: data-classification
#   cloud: azure
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.100(e) (reasonable security for personal information)
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Inventory and management of personal information
#   remediation: |
#     Add tags data-classification = public|internal|confidential|pii, owner and environment
#     (Azure Policy can inherit them from the resource group).
#   construct: HardenedStorageAccount
#   example: |
#     resource "azurerm_storage_account" "customers" {
#       name                     = "shopcustomers"
#       resource_group_name      = azurerm_resource_group.shop.name
#       location                 = azurerm_resource_group.shop.location
#       account_tier             = "Standard"
#       account_replication_type = "GRS"
#       tags = {
#         "data-classification" = "pii" # public | internal | confidential | pii
#         owner                 = "crm-team"
#         environment           = "prod"
#       }
#     }
package leakguard.rules.azure.tagging.data_classification

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some t in config.settings.azure_data_resource_types
	some r in resources.of_type(t)
	msg := message(r)
}

message(r) := sprintf("%s has tags unknown at plan time; its classification and owner cannot be shown", [r.address]) if {
	resources.unknown_at(r, "tags")
	count(resources.classification_problems(r)) > 0
}

message(r) := sprintf("Data store %s is not classified and owned: %s", [r.address, concat("; ", sort(problems))]) if {
	not resources.unknown_at(r, "tags")
	problems := resources.classification_problems(r)
	count(problems) > 0
}
