# METADATA
# title: Key Vault reachable from public networks
# description: |
#   A Key Vault holding the customer-managed keys of PII stores should not be reachable from
#   the internet: public_network_access_enabled (default true) must be false, with access
#   through private endpoints.
#   Unknowns: a flag unknown at plan time is not proven and is reported.
# custom:
#   id: azure-keyvault-public-network
#   control: key-management
#   cloud: azure
#   severity: medium
#   data_stores:
#     check: public-reachability
#     types: [azurerm_key_vault]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Network monitoring and defences; encryption of personal information (key management)
#   remediation: |
#     Set public_network_access_enabled = false and add a private endpoint.
#   construct: HardenedKeyVault
#   fix:
#     summary: Turn off public network access
#     edits:
#       - set: { public_network_access_enabled: false }
#     cdktf:
#       option: "allowedSubnetIds (public network access is always off)"
#       snippet: |
#         new HardenedKeyVault(this, 'keys', { name: 'kv-shop-keys', resourceGroupName: rg.name, location: 'westus2', allowedSubnetIds: [appSubnet.id] });
#   runbook:
#     exposure: The key vault answers on a public endpoint; a leaked credential with vault access works from anywhere
#     preserve:
#       - do: Save the vault's network settings as they are now
#         run: az keyvault show --name {{values.name}} --resource-group {{values.resource_group_name}}
#       - do: Export the control-plane changes in the exposure window
#         run: az monitor activity-log list --resource-group {{values.resource_group_name}} --start-time {{window_start}} --end-time {{window_end}}
#       - do: Find the diagnostic setting that holds AuditEvent logs (secret and key reads) and export them for the window
#         run: az monitor diagnostic-settings list --resource {{fill.key-vault-resource-id}}
#     contain:
#       - do: Turn off public network access
#         run: az keyvault update --name {{values.name}} --resource-group {{values.resource_group_name}} --public-network-access Disabled
#     verify:
#       - do: publicNetworkAccess reads Disabled
#         run: az keyvault show --name {{values.name}} --resource-group {{values.resource_group_name}} --query properties.publicNetworkAccess
#   example: |
#     resource "azurerm_key_vault" "keys" {
#       name                          = "shop-keys"
#       location                      = azurerm_resource_group.shop.location
#       resource_group_name           = azurerm_resource_group.shop.name
#       tenant_id                     = data.azurerm_client_config.current.tenant_id
#       sku_name                      = "premium"
#       public_network_access_enabled = false # reached through an azurerm_private_endpoint
#       network_acls {
#         default_action = "Deny"
#         bypass         = "AzureServices"
#       }
#     }
package leakguard.rules.azure.keyvault.public_network

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

deny contains finding.new(rego.metadata.chain(), v, msg) if {
	some v in resources.of_type("azurerm_key_vault")
	object.get(v.values, "public_network_access_enabled", true) != false
	msg := message(v)
}

message(v) := sprintf("Key Vault %s has public network access unknown at plan time", [v.address]) if resources.unknown_at(v, "public_network_access_enabled")

message(v) := sprintf("Key Vault %s is reachable from public networks (public_network_access_enabled is not false)", [v.address]) if not resources.unknown_at(v, "public_network_access_enabled")
