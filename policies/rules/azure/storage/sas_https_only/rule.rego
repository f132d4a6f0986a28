# METADATA
# title: SAS token allows plain HTTP
# description: |
#   A SAS generated with https_only = false can be sent and used over HTTP, where it and the
#   data it unlocks can be captured. Applies to azurerm_storage_account_sas and
#   azurerm_storage_account_blob_container_sas data sources (https_only defaults to true).
#   Unknowns: an https_only unknown at plan time is reported.
# custom:
#   id: azure-storage-sas-https-only
#   control: sas-token-scope
#   cloud: azure
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Encryption of personal information in transit; access controls
#   remediation: |
#     Remove https_only = false from the SAS data source.
#   construct: HardenedStorageAccount
#   fix:
#     summary: Make the SAS token HTTPS-only
#     edits:
#       - set: { https_only: true }
#     cdktf:
#       option: "HardenedStorageAccount accepts HTTPS only, and turns shared keys (and with them SAS) off"
#       snippet: |
#         new HardenedStorageAccount(this, 'customers', { name: 'stshopcustomers', resourceGroupName: rg.name, location: 'westus2', maxSasLifetimeHours: 8, classification: 'pii' });
#   runbook:
#     exposure: A SAS token usable over plain HTTP crosses networks in the clear; anyone on the path can read it and the data
#     preserve:
#       - do: Save the storage account's settings
#         run: az storage account show --name {{fill.storage-account-name}} --resource-group {{fill.resource-group}}
#       - do: Export the control-plane changes in the exposure window
#         run: az monitor activity-log list --resource-group {{fill.resource-group}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Refuse HTTP on the account, so the token stops working over it
#         run: az storage account update --name {{fill.storage-account-name}} --resource-group {{fill.resource-group}} --https-only true
#       - do: Rotate the key that signed the token, invalidating it
#         run: az storage account keys renew --account-name {{fill.storage-account-name}} --resource-group {{fill.resource-group}} --key primary
#         destructive: true
#     verify:
#       - do: enableHttpsTrafficOnly reads true
#         run: az storage account show --name {{fill.storage-account-name}} --resource-group {{fill.resource-group}} --query enableHttpsTrafficOnly
#   example: |
#     data "azurerm_storage_account_blob_container_sas" "invoice_read" {
#       connection_string = azurerm_storage_account.customers.primary_connection_string
#       container_name    = azurerm_storage_container.invoices.name
#       https_only        = true # the default; never false
#       start             = "2025-06-01T08:00:00Z"
#       expiry            = "2025-06-01T16:00:00Z"
#       permissions {
#         read   = true
#         add    = false
#         create = false
#         write  = false
#         delete = false
#         list   = false
#       }
#     }
package leakguard.rules.azure.storage.sas_https_only

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

sas_types := ["azurerm_storage_account_sas", "azurerm_storage_account_blob_container_sas"]

deny contains finding.new(rego.metadata.chain(), d, msg) if {
	some t in sas_types
	some d in resources.data_of_type(t)
	d.values.https_only == false
	msg := sprintf("SAS %s allows HTTP (https_only = false)", [d.address])
}

deny contains finding.new(rego.metadata.chain(), d, msg) if {
	some t in sas_types
	some d in resources.data_of_type(t)
	resources.unknown_at(d, "https_only")
	msg := sprintf("SAS %s has https_only unknown at plan time", [d.address])
}
