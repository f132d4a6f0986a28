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
