# METADATA
# title: Long-lived SAS token with write, delete or list rights
# description: |
#   A SAS is a bearer credential that cannot be revoked short of rotating the account key.
#   One granting write, delete or list (configurable) must expire within the configured
#   lifetime (expiry - start). Applies to azurerm_storage_account_sas and
#   azurerm_storage_account_blob_container_sas data sources.
#   Unknowns: start, expiry or permissions unknown at plan time (e.g. timestamp()) or not
#   parseable cannot be shown short-lived and are reported when broad rights are possible.
# custom:
#   id: azure-storage-sas-lifetime
#   control: sas-token-scope
#   cloud: azure
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Access controls; account and credential management
#   remediation: |
#     Issue read-only SAS tokens, or set expiry within the configured maximum after start;
#     prefer user-delegation SAS generated at request time by the application.
#   construct: HardenedStorageAccount
#   runbook:
#     exposure: A long-lived token with write, delete or list rights works from anywhere until it expires; if it leaked, the container or account is open for that long
#     preserve:
#       - do: Save the storage account's settings
#         run: az storage account show --name {{fill.storage-account-name}} --resource-group {{fill.resource-group}}
#       - do: Export the control-plane changes in the exposure window
#         run: az monitor activity-log list --resource-group {{fill.resource-group}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Rotate the key that signed the token (every SAS signed with it stops working)
#         run: az storage account keys renew --account-name {{fill.storage-account-name}} --resource-group {{fill.resource-group}} --key primary
#         destructive: true
#       - do: Cap the lifetime of new account SAS tokens
#         run: az storage account update --name {{fill.storage-account-name}} --resource-group {{fill.resource-group}} --sas-expiration-period 0.08:00:00 --sas-expiration-action Block
#     verify:
#       - do: sasPolicy reads the cap
#         run: az storage account show --name {{fill.storage-account-name}} --resource-group {{fill.resource-group}} --query sasPolicy
#   example: |
#     data "azurerm_storage_account_blob_container_sas" "upload" {
#       connection_string = azurerm_storage_account.customers.primary_connection_string
#       container_name    = azurerm_storage_container.uploads.name
#       start             = "2025-06-01T08:00:00Z"
#       expiry            = "2025-06-01T16:00:00Z" # within sas_max_lifetime_hours of start
#       permissions {
#         read   = false
#         add    = true
#         create = true
#         write  = true
#         delete = false
#         list   = false
#       }
#     }
package leakguard.rules.azure.storage.sas_lifetime

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

sas_types := ["azurerm_storage_account_sas", "azurerm_storage_account_blob_container_sas"]

max_hours := config.settings.sas_max_lifetime_hours

broad(d) := {p |
	some p in config.settings.sas_broad_permissions
	true in resources.values_at(d, concat(".", ["permissions", p]))
}

unknown_permissions(d) if resources.unknown_at(d, "permissions")

unknown_permissions(d) if {
	some p in config.settings.sas_broad_permissions
	resources.unknown_at(d, concat(".", ["permissions", p]))
}

lifetime(d) := resources.timestamp_hours(d.values.expiry) - resources.timestamp_hours(d.values.start)

rights(d) := concat(", ", sort(broad(d))) if count(broad(d)) > 0

rights(d) := "possibly broad (permissions unknown at plan time)" if {
	count(broad(d)) == 0
	unknown_permissions(d)
}

deny contains finding.new(rego.metadata.chain(), d, msg) if {
	some t in sas_types
	some d in resources.data_of_type(t)
	r := rights(d)
	msg := message(d, r)
}

message(d, r) := sprintf("SAS %s grants %s for %d hours (maximum %d)", [d.address, r, lifetime(d), max_hours]) if {
	lifetime(d) > max_hours
}

message(d, r) := sprintf("SAS %s grants %s and its lifetime cannot be computed before apply (start/expiry unknown)", [d.address, r]) if {
	not lifetime(d)
}
