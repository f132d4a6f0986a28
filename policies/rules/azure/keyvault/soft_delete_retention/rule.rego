# METADATA
# title: Key Vault soft-delete retention too short
# description: |
#   Deleted keys, secrets and vaults stay recoverable for soft_delete_retention_days
#   (provider default 90, Azure minimum 7); it must be at least
#   key_vault_min_soft_delete_days.
#   Unknowns: a retention unknown at plan time is not proven and is reported.
# custom:
#   id: azure-keyvault-soft-delete-retention
#   control: key-management
#   cloud: azure
#   severity: low
#   data_stores:
#     check: backups
#     types: [azurerm_key_vault]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Encryption of personal information (key management); business continuity
#   remediation: |
#     Set soft_delete_retention_days to at least the configured minimum (90 recommended).
#   construct: HardenedKeyVault
#   fix:
#     summary: Keep deleted keys and secrets recoverable for at least the configured days
#     edits:
#       - set:
#           soft_delete_retention_days: { smallest_of: [7, 14, 30, 60, 90], at_least: key_vault_min_soft_delete_days }
#     cdktf:
#       option: "softDeleteRetentionDays"
#       snippet: |
#         new HardenedKeyVault(this, 'keys', { name: 'kv-shop-keys', resourceGroupName: rg.name, location: 'westus2', softDeleteRetentionDays: 90 });
#   runbook:
#     exposure: Deleted keys and secrets are kept only briefly; a deletion noticed late cannot be undone, and with the keys the data they encrypt is lost
#     preserve:
#       - do: Record the vault's soft-delete retention
#         run: az keyvault show --name {{values.name}} --resource-group {{values.resource_group_name}}
#       - do: Recover anything deleted in the window while it is still there; list it first
#         run: az keyvault key list-deleted --vault-name {{values.name}}
#     contain:
#       - do: The retention of an existing vault cannot be raised; recover deleted keys now, and create the replacement vault with the configured retention from the code
#         run: az keyvault key recover --vault-name {{values.name}} --name {{fill.deleted-key-name}}
#     verify:
#       - do: No key you need is left in the deleted list
#         run: az keyvault key list-deleted --vault-name {{values.name}}
#   example: |
#     resource "azurerm_key_vault" "keys" {
#       name                       = "shop-keys"
#       location                   = azurerm_resource_group.shop.location
#       resource_group_name        = azurerm_resource_group.shop.name
#       tenant_id                  = data.azurerm_client_config.current.tenant_id
#       sku_name                   = "premium"
#       soft_delete_retention_days = 90 # at least key_vault_min_soft_delete_days (Azure allows 7-90)
#       purge_protection_enabled   = true
#     }
package leakguard.rules.azure.keyvault.soft_delete_retention

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

min_days := config.settings.key_vault_min_soft_delete_days

deny contains finding.new(rego.metadata.chain(), v, msg) if {
	some v in resources.of_type("azurerm_key_vault")
	msg := message(v)
}

message(v) := sprintf("Key Vault %s keeps deleted objects %d days (minimum %d)", [v.address, days, min_days]) if {
	days := v.values.soft_delete_retention_days
	is_number(days)
	days < min_days
}

message(v) := sprintf("Key Vault %s has a soft-delete retention unknown at plan time", [v.address]) if {
	resources.unknown_at(v, "soft_delete_retention_days")
}
