# METADATA
# title: Storage account allows public blobs and containers
# description: |
#   allow_nested_items_to_be_public (allow_blob_public_access before azurerm 3.0) lets any
#   container be switched to anonymous access. It defaults to true in azurerm 3+, so it must
#   be set to false explicitly; the legacy flag counts when the new one is absent.
#   Unknowns: a value unknown at plan time cannot be shown false and is reported.
# custom:
#   id: azure-storage-nested-public
#   control: public-storage
#   cloud: azure
#   severity: critical
#   data_stores:
#     check: public-reachability
#     types: [azurerm_storage_account]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Secure configuration of hardware and software; access controls
#   remediation: |
#     Set allow_nested_items_to_be_public = false on the azurerm_storage_account.
#   construct: HardenedStorageAccount
#   fix:
#     summary: Forbid anonymous access to containers and blobs
#     edits:
#       - set: { allow_nested_items_to_be_public: false }
#     cdktf:
#       option: "HardenedStorageAccount always forbids anonymous access to containers and blobs"
#       snippet: |
#         new HardenedStorageAccount(this, 'customers', { name: 'stshopcustomers', resourceGroupName: rg.name, location: 'westus2', classification: 'pii' });
#   runbook:
#     exposure: Containers of the account can be switched to anonymous access, and may already serve blobs to anyone
#     preserve:
#       - do: Save the account's settings as they are now
#         run: az storage account show --name {{values.name}} --resource-group {{values.resource_group_name}}
#       - do: List containers that allow anonymous access now
#         run: az storage container list --account-name {{values.name}} --auth-mode login --query "[?properties.publicAccess!=null]"
#       - do: Export the control-plane changes in the exposure window
#         run: az monitor activity-log list --resource-group {{values.resource_group_name}} --start-time {{window_start}} --end-time {{window_end}}
#       - do: Find the diagnostic setting that holds blob read logs (StorageRead) and export them for the window
#         run: az monitor diagnostic-settings list --resource {{fill.storage-account-resource-id}}/blobServices/default
#     contain:
#       - do: Forbid anonymous access for the whole account
#         run: az storage account update --name {{values.name}} --resource-group {{values.resource_group_name}} --allow-blob-public-access false
#     verify:
#       - do: allowBlobPublicAccess reads false
#         run: az storage account show --name {{values.name}} --resource-group {{values.resource_group_name}} --query allowBlobPublicAccess
#   example: |
#     resource "azurerm_storage_account" "customers" {
#       name                            = "shopcustomers"
#       resource_group_name             = azurerm_resource_group.shop.name
#       location                        = azurerm_resource_group.shop.location
#       account_tier                    = "Standard"
#       account_replication_type        = "GRS"
#       allow_nested_items_to_be_public = false
#     }
package leakguard.rules.azure.storage.nested_items_public

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

private(r) if {
	r.values.allow_nested_items_to_be_public == false
}

# azurerm 2.x: only the legacy flag exists (default false there).
private(r) if {
	object.get(r.values, "allow_nested_items_to_be_public", null) == null
	not resources.unknown_at(r, "allow_nested_items_to_be_public")
	r.values.allow_blob_public_access == false
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("azurerm_storage_account")
	not private(r)
	msg := message(r)
}

message(r) := sprintf("Storage account %s has allow_nested_items_to_be_public unknown at plan time; anonymous blob access cannot be ruled out", [r.address]) if {
	resources.unknown_at(r, "allow_nested_items_to_be_public")
}

message(r) := sprintf("Storage account %s lets containers and blobs be made public (allow_nested_items_to_be_public is not false)", [r.address]) if {
	not resources.unknown_at(r, "allow_nested_items_to_be_public")
}
