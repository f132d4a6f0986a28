# METADATA
# title: Cosmos DB account accepts its primary keys
# description: |
#   Cosmos DB account keys are long-lived, account-wide shared secrets: whoever holds one
#   (a leaked connection string, an old CI variable) reads and writes every document, and
#   the access is not tied to an identity. local_authentication_disabled (default false)
#   must be true so only Entra ID (RBAC) identities get in.
#   Unknowns: a flag unknown at plan time or given by an expression the tool cannot
#   evaluate is not proven and is reported.
# custom:
#   id: azure-cosmosdb-local-auth
#   control: sas-token-scope
#   cloud: azure
#   severity: high
#   data_stores:
#     check: public-reachability
#     types: [azurerm_cosmosdb_account]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Access controls; account and credential management
#   remediation: |
#     Set local_authentication_disabled = true and grant applications Cosmos DB data-plane
#     roles (azurerm_cosmosdb_sql_role_assignment) on their managed identities.
#   construct: HardenedCosmosAccount
#   fix:
#     summary: Turn off account-key authentication (Entra ID only)
#     edits:
#       - set: { local_authentication_disabled: true }
#     cdktf:
#       option: "HardenedCosmosAccount always disables key-based authentication"
#       snippet: |
#         new HardenedCosmosAccount(this, 'carts', { name: 'cosmos-shop-carts', resourceGroupName: rg.name, location: 'westus2', keyVault: keys, classification: 'pii' });
#   runbook:
#     exposure: The account's primary and secondary keys grant full access to every container from anywhere the network allows, with no identity in the logs
#     preserve:
#       - do: Save the account's settings as they are now
#         run: az cosmosdb show --name {{values.name}} --resource-group {{values.resource_group_name}}
#       - do: Export the control-plane changes in the exposure window (key listings, regenerations)
#         run: az monitor activity-log list --resource-group {{values.resource_group_name}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Turn off key-based authentication (Entra ID with data-plane roles remains)
#         run: az resource update --name {{values.name}} --resource-group {{values.resource_group_name}} --resource-type Microsoft.DocumentDB/databaseAccounts --set properties.disableLocalAuth=true
#       - do: Regenerate the keys so a leaked one is dead even if keys return
#         run: az cosmosdb keys regenerate --name {{values.name}} --resource-group {{values.resource_group_name}} --key-kind primary
#         destructive: true
#     verify:
#       - do: disableLocalAuth reads true
#         run: az cosmosdb show --name {{values.name}} --resource-group {{values.resource_group_name}} --query disableLocalAuth
#   example: |
#     resource "azurerm_cosmosdb_account" "carts" {
#       name                          = "cosmos-shop-carts"
#       location                      = azurerm_resource_group.shop.location
#       resource_group_name           = azurerm_resource_group.shop.name
#       offer_type                    = "Standard"
#       public_network_access_enabled = false
#       local_authentication_disabled = true # Entra ID only
#       consistency_policy {
#         consistency_level = "Session"
#       }
#       geo_location {
#         location          = azurerm_resource_group.shop.location
#         failover_priority = 0
#       }
#     }
package leakguard.rules.azure.cosmosdb.local_auth

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

deny contains finding.new(rego.metadata.chain(), a, msg) if {
	some a in resources.of_type("azurerm_cosmosdb_account")
	object.get(a.values, "local_authentication_disabled", false) != true
	msg := message(a)
}

message(a) := sprintf("Cosmos DB account %s has local_authentication_disabled unknown at plan time; key-based access cannot be shown off", [a.address]) if resources.unverifiable(a, "local_authentication_disabled")

message(a) := sprintf("Cosmos DB account %s accepts its account keys (local_authentication_disabled is not true)", [a.address]) if not resources.unverifiable(a, "local_authentication_disabled")
