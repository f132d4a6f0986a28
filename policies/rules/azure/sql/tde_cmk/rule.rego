# METADATA
# title: SQL server TDE not using a customer-managed key
# description: |
#   Transparent data encryption protects databases, their backups and long-term retention
#   copies; with the service-managed key, access cannot be revoked by disabling the key.
#   An azurerm_mssql_server (or legacy azurerm_sql_server) needs
#   transparent_data_encryption_key_vault_key_id, or an
#   azurerm_mssql_server_transparent_data_encryption linked by server_id with a Key Vault
#   or managed HSM key.
#   Unknowns: a key id unknown at plan time but set by reference counts as set.
# custom:
#   id: azure-sql-tde-cmk
#   control: backup-protection
#   cloud: azure
#   severity: high
#   data_stores:
#     check: encryption-at-rest
#     types: [azurerm_mssql_server, azurerm_sql_server]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information; business continuity and disaster recovery (backups)
#   remediation: |
#     Add azurerm_mssql_server_transparent_data_encryption { server_id = the server,
#     key_vault_key_id = azurerm_key_vault_key.x.id, auto_rotation_enabled = true }.
#   construct: HardenedSqlServer
#   runbook:
#     exposure: Data at rest and backups use a Microsoft-managed key; access to them cannot be cut off by revoking a key you control
#     preserve:
#       - do: Record the server's TDE protector
#         run: az sql server tde-key show --server {{values.name}} --resource-group {{values.resource_group_name}}
#     contain:
#       - do: Add the Key Vault key to the server (the server's identity needs get, wrapKey and unwrapKey on it)
#         run: az sql server key create --server {{values.name}} --resource-group {{values.resource_group_name}} --kid {{fill.key-vault-key-id}}
#       - do: Make it the TDE protector
#         run: az sql server tde-key set --server {{values.name}} --resource-group {{values.resource_group_name}} --server-key-type AzureKeyVault --kid {{fill.key-vault-key-id}}
#     verify:
#       - do: serverKeyType reads AzureKeyVault
#         run: az sql server tde-key show --server {{values.name}} --resource-group {{values.resource_group_name}} --query serverKeyType
#   example: |
#     resource "azurerm_mssql_server" "shop" {
#       # ... name, resource_group_name, location, version, azuread_administrator ...
#       identity {
#         type = "SystemAssigned" # needs Key Vault Crypto Service Encryption User on the key
#       }
#     }
#
#     resource "azurerm_mssql_server_transparent_data_encryption" "shop" {
#       server_id             = azurerm_mssql_server.shop.id
#       key_vault_key_id      = azurerm_key_vault_key.sql_tde.id
#       auto_rotation_enabled = true
#     }
package leakguard.rules.azure.sql.tde_cmk

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

key_attrs := ["key_vault_key_id", "managed_hsm_key_id"]

cmk(s) if resources.configured(s, "transparent_data_encryption_key_vault_key_id")

cmk(s) if {
	some tde in resources.linked_from(s, "azurerm_mssql_server_transparent_data_encryption", "server_id")
	some attr in key_attrs
	resources.configured(tde, attr)
}

deny contains finding.new(rego.metadata.chain(), s, msg) if {
	some t in ["azurerm_mssql_server", "azurerm_sql_server"]
	some s in resources.of_type(t)
	not cmk(s)
	msg := sprintf("SQL server %s encrypts databases and backups with the service-managed key, not a customer-managed key", [s.address])
}
