# METADATA
# title: Backup vault without immutability
# description: |
#   Immutable vaults refuse operations that would delete or shorten recovery points, so
#   ransomware operators cannot destroy backups first. azurerm_recovery_services_vault and
#   azurerm_data_protection_backup_vault need immutability in
#   backup_vault_immutability_states (default Locked or Unlocked; provider default
#   Disabled).
#   Unknowns: a state unknown at plan time is not proven and is reported.
# custom:
#   id: azure-backup-vault-immutability
#   control: backup-protection
#   cloud: azure
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Business continuity and disaster recovery (backups)
#   remediation: |
#     Set immutability = "Locked" (irreversible) or "Unlocked" on the vault.
#   construct: LockedRecoveryVault
#   fix:
#     summary: Turn immutability on (Unlocked; lock it once the retention is confirmed, which cannot be undone)
#     edits:
#       - set: { immutability: '"Unlocked"' }
#         comment: { immutability: "Locked once retention is confirmed (irreversible)" }
#     cdktf:
#       option: "LockedRecoveryVault always sets immutability Locked"
#       snippet: |
#         new LockedRecoveryVault(this, 'backups', { name: 'rsv-shop-backups', resourceGroupName: rg.name, location: 'westus2', keyVault: keys });
#   runbook:
#     exposure: Recovery points can be deleted or their retention shortened before they expire; a compromised administrator or ransomware can destroy the backups the recovery depends on
#     preserve:
#       - do: Record the vault's settings as they are now
#         run: az backup vault show --name {{values.name}} --resource-group {{values.resource_group_name}}
#       - do: List the protected items (what the backups cover)
#         run: az backup item list --vault-name {{values.name}} --resource-group {{values.resource_group_name}}
#       - do: Export the control-plane changes in the exposure window (deleted backups, changed policies)
#         run: az monitor activity-log list --resource-group {{values.resource_group_name}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Turn immutability on (Unlocked can still be turned off; lock it once the retention is confirmed)
#         run: az backup vault update --name {{values.name}} --resource-group {{values.resource_group_name}} --immutability-state Unlocked
#       - do: Lock immutability; a locked vault can never be made mutable again
#         run: az backup vault update --name {{values.name}} --resource-group {{values.resource_group_name}} --immutability-state Locked
#         destructive: true
#     verify:
#       - do: immutabilityState reads Unlocked or Locked
#         run: az backup vault show --name {{values.name}} --resource-group {{values.resource_group_name}} --query properties.securitySettings.immutabilitySettings.state
#   example: |
#     resource "azurerm_recovery_services_vault" "backups" {
#       name                = "shop-backups"
#       location            = azurerm_resource_group.shop.location
#       resource_group_name = azurerm_resource_group.shop.name
#       sku                 = "Standard"
#       soft_delete_enabled = true
#       immutability        = "Locked" # irreversible; "Unlocked" can still be turned off
#     }
package leakguard.rules.azure.backup.vault_immutability

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

vault_types := ["azurerm_recovery_services_vault", "azurerm_data_protection_backup_vault"]

deny contains finding.new(rego.metadata.chain(), v, msg) if {
	some t in vault_types
	some v in resources.of_type(t)
	not object.get(v.values, "immutability", "Disabled") in config.settings.backup_vault_immutability_states
	msg := message(v)
}

message(v) := sprintf("Backup vault %s has immutability unknown at plan time", [v.address]) if resources.unknown_at(v, "immutability")

message(v) := sprintf("Backup vault %s is not immutable (immutability %s)", [v.address, resources.shown(object.get(v.values, "immutability", "Disabled"))]) if not resources.unknown_at(v, "immutability")
