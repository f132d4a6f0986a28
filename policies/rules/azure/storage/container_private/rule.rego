# METADATA
# title: Storage container allows anonymous access
# description: |
#   container_access_type "blob" or "container" serves blobs (and, for "container", the
#   listing) to anyone on the internet. Absent means "private" (the provider default).
#   Unknowns: an access type unknown at plan time cannot be shown private and is reported.
# custom:
#   id: azure-storage-container-private
#   control: public-storage
#   cloud: azure
#   severity: critical
#   data_stores:
#     check: public-reachability
#     types: [azurerm_storage_account]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Access controls; secure configuration of hardware and software
#   remediation: |
#     Set container_access_type = "private" (or remove it) on the azurerm_storage_container.
#   construct: HardenedStorageAccount
#   fix:
#     summary: Make the container private
#     edits:
#       - set: { container_access_type: '"private"' }
#     cdktf:
#       option: "containers: every container HardenedStorageAccount creates is private"
#       snippet: |
#         new HardenedStorageAccount(this, 'customers', { name: 'stshopcustomers', resourceGroupName: rg.name, location: 'westus2', containers: [{ name: 'exports' }], classification: 'pii' });
#   runbook:
#     exposure: Blobs in the container are readable anonymously by anyone who knows or guesses their URL
#     preserve:
#       - do: Save the container's properties and access level
#         run: az storage container show --name {{values.name}} --account-name {{values.storage_account_name|via.storage_account_id.name}} --auth-mode login
#       - do: Export the control-plane changes in the exposure window
#         run: az monitor activity-log list --start-time {{window_start}} --end-time {{window_end}} --query "[?contains(resourceId, '{{values.storage_account_name|via.storage_account_id.name}}')]"
#       - do: Find the diagnostic setting that holds anonymous blob reads (StorageRead) and export them for the window
#         run: az monitor diagnostic-settings list --resource {{fill.storage-account-resource-id}}/blobServices/default
#     contain:
#       - do: Make the container private
#         run: az storage container set-permission --name {{values.name}} --account-name {{values.storage_account_name|via.storage_account_id.name}} --public-access off
#     verify:
#       - do: publicAccess reads null/off
#         run: az storage container show-permission --name {{values.name}} --account-name {{values.storage_account_name|via.storage_account_id.name}}
#   example: |
#     # Serve files through the application or short-lived user-delegation SAS, never anonymously.
#     resource "azurerm_storage_container" "invoices" {
#       name                  = "invoices"
#       storage_account_id    = azurerm_storage_account.customers.id
#       container_access_type = "private"
#     }
package leakguard.rules.azure.storage.container_private

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("azurerm_storage_container")
	msg := message(r)
}

message(r) := sprintf("Storage container %s has anonymous access type %s", [r.address, r.values.container_access_type]) if {
	r.values.container_access_type in {"blob", "container"}
}

message(r) := sprintf("Storage container %s has an access type unknown at plan time; anonymous access cannot be ruled out", [r.address]) if {
	resources.unknown_at(r, "container_access_type")
}

message(r) := sprintf("Storage container %s has an access type unknown at plan time; anonymous access cannot be ruled out", [r.address]) if {
	resources.interpolated(r, "container_access_type")
}
