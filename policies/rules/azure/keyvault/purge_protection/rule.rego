# METADATA
# title: Key Vault without purge protection
# description: |
#   Without purge_protection_enabled (default false) anyone with the right role can
#   permanently delete the vault or a key during soft-delete retention, destroying every
#   store encrypted with it, backups included.
#   Unknowns: a flag unknown at plan time is not proven and is reported.
# custom:
#   id: azure-keyvault-purge-protection
#   control: key-management
#   cloud: azure
#   severity: medium
#   data_stores:
#     check: backups
#     types: [azurerm_key_vault]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Encryption of personal information (key management); business continuity
#   remediation: |
#     Set purge_protection_enabled = true on the azurerm_key_vault.
#   construct: HardenedKeyVault
#   fix:
#     summary: Turn on purge protection
#     edits:
#       - set: { purge_protection_enabled: true }
#     cdktf:
#       option: "HardenedKeyVault always turns purge protection on"
#       snippet: |
#         new HardenedKeyVault(this, 'keys', { name: 'kv-shop-keys', resourceGroupName: rg.name, location: 'westus2' });
#   runbook:
#     exposure: A deleted vault or key can be purged at once, destroying every piece of data encrypted with it beyond recovery
#     preserve:
#       - do: Record the vault's protection settings
#         run: az keyvault show --name {{values.name}} --resource-group {{values.resource_group_name}}
#       - do: List keys already deleted and not yet purged
#         run: az keyvault key list-deleted --vault-name {{values.name}}
#       - do: Export the control-plane changes in the exposure window (deletions, purges)
#         run: az monitor activity-log list --resource-group {{values.resource_group_name}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Turn purge protection on; it can never be turned off again
#         run: az keyvault update --name {{values.name}} --resource-group {{values.resource_group_name}} --enable-purge-protection true
#         destructive: true
#     verify:
#       - do: enablePurgeProtection reads true
#         run: az keyvault show --name {{values.name}} --resource-group {{values.resource_group_name}} --query properties.enablePurgeProtection
#   example: |
#     resource "azurerm_key_vault" "keys" {
#       name                       = "shop-keys"
#       location                   = azurerm_resource_group.shop.location
#       resource_group_name        = azurerm_resource_group.shop.name
#       tenant_id                  = data.azurerm_client_config.current.tenant_id
#       sku_name                   = "premium"
#       purge_protection_enabled   = true
#       soft_delete_retention_days = 90
#     }
package leakguard.rules.azure.keyvault.purge_protection

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

deny contains finding.new(rego.metadata.chain(), v, msg) if {
	some v in resources.of_type("azurerm_key_vault")
	object.get(v.values, "purge_protection_enabled", false) != true
	msg := message(v)
}

message(v) := sprintf("Key Vault %s has purge protection unknown at plan time", [v.address]) if resources.unknown_at(v, "purge_protection_enabled")

message(v) := sprintf("Key Vault %s does not enable purge protection", [v.address]) if not resources.unknown_at(v, "purge_protection_enabled")
