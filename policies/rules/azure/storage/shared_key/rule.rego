# METADATA
# title: Storage account shared keys unrestricted
# description: |
#   While shared-key authorization is on, anyone holding an account key can mint SAS tokens
#   of any scope and lifetime. Either disable it (shared_access_key_enabled = false, Entra ID
#   only) or cap every SAS with a sas_policy whose expiration_period is within the
#   configured maximum lifetime. Shared keys default to on.
#   Unknowns: a flag or expiration period unknown at plan time cannot be shown safe and is
#   reported.
# custom:
#   id: azure-storage-shared-key
#   control: sas-token-scope
#   cloud: azure
#   severity: high
#   data_stores:
#     check: public-reachability
#     types: [azurerm_storage_account]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Access controls; account and credential management
#   remediation: |
#     Set shared_access_key_enabled = false and use Entra ID (RBAC) access, or add
#     sas_policy { expiration_period = "0.08:00:00" } within the configured maximum.
#   construct: HardenedStorageAccount
#   fix:
#     summary: Turn off shared-key (account key and SAS) authorization
#     edits:
#       - set: { shared_access_key_enabled: false }
#     cdktf:
#       option: "HardenedStorageAccount always turns shared-key authorization off (Entra ID only)"
#       snippet: |
#         new HardenedStorageAccount(this, 'customers', { name: 'stshopcustomers', resourceGroupName: rg.name, location: 'westus2', classification: 'pii' });
#   runbook:
#     exposure: Anyone holding an account key or a SAS token signed with it has full or token-scoped access, with no identity in the logs
#     preserve:
#       - do: Save the account's settings as they are now
#         run: az storage account show --name {{values.name}} --resource-group {{values.resource_group_name}}
#       - do: Export the control-plane changes in the exposure window (key listings, regenerations)
#         run: az monitor activity-log list --resource-group {{values.resource_group_name}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Turn off shared-key authorization (SAS and account keys stop working; Entra ID remains)
#         run: az storage account update --name {{values.name}} --resource-group {{values.resource_group_name}} --allow-shared-key-access false
#       - do: Rotate both keys so any leaked key or SAS signed with it is dead even if shared keys return
#         run: az storage account keys renew --account-name {{values.name}} --resource-group {{values.resource_group_name}} --key primary
#         destructive: true
#     verify:
#       - do: allowSharedKeyAccess reads false
#         run: az storage account show --name {{values.name}} --resource-group {{values.resource_group_name}} --query allowSharedKeyAccess
#   example: |
#     # provider "azurerm" { storage_use_azuread = true } so Terraform itself uses Entra ID.
#     resource "azurerm_storage_account" "customers" {
#       name                      = "shopcustomers"
#       resource_group_name       = azurerm_resource_group.shop.name
#       location                  = azurerm_resource_group.shop.location
#       account_tier              = "Standard"
#       account_replication_type  = "GRS"
#       shared_access_key_enabled = false # Entra ID (RBAC) only
#     }
#     # Or keep shared keys and cap every SAS: sas_policy { expiration_period = "0.08:00:00" }
#     # (at most sas_max_lifetime_hours).
package leakguard.rules.azure.storage.shared_key

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

max_hours := config.settings.sas_max_lifetime_hours

periods(r) := resources.values_at(r, "sas_policy.expiration_period")

capped(r) if {
	count(periods(r)) > 0
	every p in periods(r) {
		resources.timespan_hours(p) <= max_hours
	}
}

# Shared-key authorization stays on unless explicitly disabled.
key_auth_on(r) if object.get(r.values, "shared_access_key_enabled", true) != false

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("azurerm_storage_account")
	key_auth_on(r)
	not capped(r)
	msg := message(r)
}

unknown(r) if resources.unknown_at(r, "shared_access_key_enabled")

unknown(r) if resources.unresolved(r, "sas_policy.expiration_period")

message(r) := sprintf("Storage account %s has shared-key settings unknown at plan time; SAS scope cannot be shown bounded", [r.address]) if unknown(r)

message(r) := sprintf("Storage account %s allows shared-key authorization with no sas_policy capping SAS lifetime at %d hours", [r.address, max_hours]) if {
	not unknown(r)
	count(periods(r)) == 0
}

message(r) := sprintf("Storage account %s sas_policy expiration_period %s exceeds %d hours", [r.address, concat(", ", periods(r)), max_hours]) if {
	not unknown(r)
	count(periods(r)) > 0
}
