# METADATA
# title: PII storage account cannot recover deleted or overwritten blobs
# description: |
#   A storage account classified as personal information must be able to bring back blobs that
#   were deleted or overwritten, by mistake or by an attacker holding write access: blob soft
#   delete on (a blob_properties.delete_retention_policy block; none by default) keeping deleted
#   blobs at least backup_retention_days, and blob versioning on
#   (blob_properties.versioning_enabled, default false) so overwritten versions are kept.
#   Accounts with a hierarchical namespace (is_hns_enabled = true, Data Lake Gen2) cannot turn
#   versioning on and need soft delete only; FileStorage accounts hold no blobs and are not
#   judged. AzAPI accounts are read from their Microsoft.Storage/storageAccounts/blobServices
#   child (deleteRetentionPolicy, isVersioningEnabled).
#   Unknowns: blob_properties, a retention or a versioning flag unknown at plan time or given
#   by an expression the tool cannot evaluate is not proven and is reported.
# custom:
#   id: azure-storage-blob-recovery
#   control: backup-protection
#   cloud: azure
#   severity: medium
#   data_stores:
#     check: backups
#     types: [azurerm_storage_account]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Business continuity and disaster recovery (backups)
#   remediation: |
#     Add blob_properties { versioning_enabled = true, delete_retention_policy { days = <at
#     least backup_retention_days> } } (and container_delete_retention_policy).
#   construct: HardenedStorageAccount
#   fix:
#     summary: Keep deleted blobs for the configured days and keep overwritten versions
#     edits:
#       - nested: blob_properties
#         set: { versioning_enabled: 'true' }
#       - nested: blob_properties.delete_retention_policy
#         set: { days: '{{settings.backup_retention_days}}' }
#     cdktf:
#       option: "deleteRetentionDays (default 30, within [7, 365]); versioning is always on"
#       snippet: |
#         new HardenedStorageAccount(this, 'exports', { name: 'stshopexports', resourceGroupName: rg.name, location: 'westus2', deleteRetentionDays: 30 });
#   runbook:
#     exposure: Blobs holding customer data that are deleted or overwritten now are gone for good
#     preserve:
#       - do: Record the blob service's recovery settings
#         run: az storage account blob-service-properties show --account-name {{values.name}} --resource-group {{values.resource_group_name}}
#       - do: Export the control-plane changes in the exposure window (who turned recovery off, who listed keys)
#         run: az monitor activity-log list --resource-group {{values.resource_group_name}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Turn on blob soft delete for the configured days and versioning (skip versioning on Data Lake accounts)
#         run: az storage account blob-service-properties update --account-name {{values.name}} --resource-group {{values.resource_group_name}} --enable-delete-retention true --delete-retention-days {{fill.retention-days}} --enable-versioning true
#     verify:
#       - do: deleteRetentionPolicy reads enabled with the new days and isVersioningEnabled reads true
#         run: az storage account blob-service-properties show --account-name {{values.name}} --resource-group {{values.resource_group_name}} --query "[deleteRetentionPolicy, isVersioningEnabled]"
#   example: |
#     resource "azurerm_storage_account" "exports" {
#       name                     = "stshopexports"
#       resource_group_name      = azurerm_resource_group.shop.name
#       location                 = azurerm_resource_group.shop.location
#       account_tier             = "Standard"
#       account_replication_type = "GZRS"
#       tags                     = { "data-classification" = "pii" }
#       blob_properties {
#         versioning_enabled = true
#         delete_retention_policy {
#           days = 30 # at least backup_retention_days
#         }
#       }
#     }
package leakguard.rules.azure.storage.blob_recovery

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

min_days := config.settings.backup_retention_days

# The provider's soft-delete retention when delete_retention_policy is written without days.
provider_default_days := 7

deny contains finding.new(rego.metadata.chain(), a, msg) if {
	some a in resources.of_type("azurerm_storage_account")
	resources.is_pii(a)
	object.get(a.values, "account_kind", "StorageV2") != "FileStorage"
	problems := array.concat([p | p := retention_problem(a)], [p | p := versioning_problem(a)])
	count(problems) > 0
	msg := sprintf("Storage account %s holds %s data but cannot recover deleted or overwritten blobs: %s", [a.address, resources.classification(a), concat("; ", problems)])
}

retention_problem(a) := "blob_properties unknown at plan time" if {
	resources.unknown_at(a, "blob_properties")
} else := "soft delete retention unknown at plan time" if {
	resources.unverifiable(a, "blob_properties.delete_retention_policy.days")
} else := "blob soft delete off (no delete_retention_policy)" if {
	count(resources.blocks_at(a, "blob_properties.delete_retention_policy")) == 0
} else := sprintf("deleted blobs kept %d days (minimum %d)", [d, min_days]) if {
	some p in resources.blocks_at(a, "blob_properties.delete_retention_policy")
	d := object.get(p, "days", provider_default_days)
	is_number(d)
	d < min_days
}

versioning_problem(a) := "versioning unknown at plan time" if {
	not resources.unknown_at(a, "blob_properties")
	versioning_applies(a)
	resources.unverifiable(a, "blob_properties.versioning_enabled")
} else := "versioning off" if {
	not resources.unknown_at(a, "blob_properties")
	versioning_applies(a)
	not resources.any_true(a, "blob_properties.versioning_enabled")
}

versioning_applies(a) if object.get(a.values, "is_hns_enabled", false) != true
