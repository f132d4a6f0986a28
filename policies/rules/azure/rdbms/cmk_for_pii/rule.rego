# METADATA
# title: PII PostgreSQL/MySQL server not encrypted with a customer-managed key
# description: |
#   PostgreSQL and MySQL servers classified as personal information (data-classification tag
#   in the configured PII values) must encrypt data and backups with a customer-managed Key
#   Vault key, so access can be revoked by disabling the key: flexible servers through a
#   customer_managed_key block, single servers through an azurerm_postgresql_server_key /
#   azurerm_mysql_server_key linked to the server.
#   Unknowns: a key id unknown at plan time but set by reference counts as set.
# custom:
#   id: azure-rdbms-cmk-pii
#   control: storage-encryption
#   cloud: azure
#   severity: high
#   data_stores:
#     check: encryption-at-rest
#     types: [azurerm_postgresql_flexible_server, azurerm_postgresql_server, azurerm_mysql_flexible_server, azurerm_mysql_server]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information at rest
#   remediation: |
#     Add customer_managed_key { key_vault_key_id, primary_user_assigned_identity_id } to the
#     flexible server (with a user-assigned identity allowed to use the key), or an
#     azurerm_postgresql_server_key / azurerm_mysql_server_key for a single server.
#   construct: HardenedFlexibleServer
#   example: |
#     resource "azurerm_postgresql_flexible_server" "customers" {
#       name                          = "psql-shop-customers"
#       resource_group_name           = azurerm_resource_group.shop.name
#       location                      = azurerm_resource_group.shop.location
#       version                       = "16"
#       sku_name                      = "GP_Standard_D2s_v3"
#       public_network_access_enabled = false
#       tags                          = { "data-classification" = "pii" }
#       identity {
#         type         = "UserAssigned"
#         identity_ids = [azurerm_user_assigned_identity.db.id]
#       }
#       customer_managed_key {
#         key_vault_key_id                  = azurerm_key_vault_key.db.id
#         primary_user_assigned_identity_id = azurerm_user_assigned_identity.db.id
#       }
#     }
package leakguard.rules.azure.rdbms.cmk_for_pii

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

# Server type → the separate key resource that can carry its CMK (none for flexible servers).
server_keys := {
	"azurerm_postgresql_flexible_server": null,
	"azurerm_mysql_flexible_server": null,
	"azurerm_postgresql_server": "azurerm_postgresql_server_key",
	"azurerm_mysql_server": "azurerm_mysql_server_key",
}

cmk(s) if resources.configured(s, "customer_managed_key.key_vault_key_id")

cmk(s) if count(resources.referrers(s, server_keys[s.type])) > 0

deny contains finding.new(rego.metadata.chain(), s, msg) if {
	some t, _ in server_keys
	some s in resources.of_type(t)
	resources.is_pii(s)
	not cmk(s)
	msg := sprintf("%s holds %s data but is not encrypted with a customer-managed key", [s.address, resources.classification(s)])
}
