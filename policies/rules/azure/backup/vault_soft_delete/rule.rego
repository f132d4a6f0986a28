# METADATA
# title: Backup vault soft delete disabled
# description: |
#   Soft delete keeps deleted backup data recoverable for 14+ days. It is on by default;
#   azurerm_recovery_services_vault soft_delete_enabled = false or
#   azurerm_data_protection_backup_vault soft_delete = "Off" turns it off.
#   Unknowns: a setting unknown at plan time is not proven and is reported.
# custom:
#   id: azure-backup-vault-soft-delete
#   control: backup-protection
#   cloud: azure
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Business continuity and disaster recovery (backups)
#   remediation: |
#     Remove soft_delete_enabled = false / soft_delete = "Off" (use "AlwaysOn" to lock it on).
#   construct: LockedRecoveryVault
#   fix:
#     summary: Turn soft delete back on
#     edits:
#       - on: azurerm_recovery_services_vault
#         set: { soft_delete_enabled: true }
#       - on: azurerm_data_protection_backup_vault
#         set: { soft_delete: '"AlwaysOn"' }
#     cdktf:
#       option: "LockedRecoveryVault always keeps soft delete on"
#       snippet: |
#         new LockedRecoveryVault(this, 'backups', { name: 'rsv-shop-backups', resourceGroupName: rg.name, location: 'westus2', keyVault: keys });
#   runbook:
#     exposure: Deleted backup data is gone at once; a compromised administrator or ransomware can delete the backups without a recovery period
#     preserve:
#       - do: Record the vault's soft-delete setting
#         run: az backup vault backup-properties show --name {{values.name}} --resource-group {{values.resource_group_name}}
#       - do: List the protected items now
#         run: az backup item list --vault-name {{values.name}} --resource-group {{values.resource_group_name}}
#       - do: Export the control-plane changes in the exposure window (deleted backups)
#         run: az monitor activity-log list --resource-group {{values.resource_group_name}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Turn soft delete on (deleted backup data is kept 14 days or more)
#         run: az backup vault backup-properties set --name {{values.name}} --resource-group {{values.resource_group_name}} --soft-delete-feature-state Enable
#     verify:
#       - do: softDeleteFeatureState reads Enabled
#         run: az backup vault backup-properties show --name {{values.name}} --resource-group {{values.resource_group_name}} --query "[0].properties.softDeleteFeatureState"
#   example: |
#     resource "azurerm_data_protection_backup_vault" "backups" {
#       name                       = "shop-backup-vault"
#       location                   = azurerm_resource_group.shop.location
#       resource_group_name        = azurerm_resource_group.shop.name
#       datastore_type             = "VaultStore"
#       redundancy                 = "GeoRedundant"
#       soft_delete                = "AlwaysOn" # cannot be turned off; never "Off"
#       retention_duration_in_days = 14
#     }
#     # azurerm_recovery_services_vault: keep soft_delete_enabled = true (the default).
package leakguard.rules.azure.backup.vault_soft_delete

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

settings := {"azurerm_recovery_services_vault": "soft_delete_enabled", "azurerm_data_protection_backup_vault": "soft_delete"}

# `soft_delete` is an enum (AlwaysOn, On, Off) that Azure compares case-insensitively.
off(false)

off(v) if lower(v) == "off"

deny contains finding.new(rego.metadata.chain(), v, msg) if {
	some t, attr in settings
	some v in resources.of_type(t)
	off(object.get(v.values, attr, null))
	msg := sprintf("Backup vault %s has soft delete turned off (%s)", [v.address, attr])
}

deny contains finding.new(rego.metadata.chain(), v, msg) if {
	some t, attr in settings
	some v in resources.of_type(t)
	resources.unknown_at(v, attr)
	msg := sprintf("Backup vault %s has %s unknown at plan time", [v.address, attr])
}
