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
