# METADATA
# title: Cosmos DB account accepts TLS older than 1.2
# description: |
#   TLS 1.0/1.1 are broken for data in transit. minimal_tls_version must stay "Tls12" (the
#   default since azurerm 3.x) or newer; "Tls" and "Tls11" let clients read and write
#   documents over old protocols.
#   Unknowns: a version unknown at plan time or given by an expression the tool cannot
#   evaluate cannot be shown to be TLS 1.2 and is reported.
# custom:
#   id: azure-cosmosdb-min-tls
#   control: storage-encryption
#   cloud: azure
#   severity: high
#   data_stores:
#     check: encryption-in-transit
#     types: [azurerm_cosmosdb_account]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Encryption of personal information in transit
#   remediation: |
#     Set minimal_tls_version = "Tls12" (or remove it) on the azurerm_cosmosdb_account.
#   construct: HardenedCosmosAccount
#   fix:
#     summary: Refuse clients older than TLS 1.2
#     edits:
#       - set: { minimal_tls_version: '"Tls12"' }
#     cdktf:
#       option: "HardenedCosmosAccount always sets Tls12"
#       snippet: |
#         new HardenedCosmosAccount(this, 'carts', { name: 'cosmos-shop-carts', resourceGroupName: rg.name, location: 'westus2', keyVault: keys, classification: 'pii' });
#   example: |
#     resource "azurerm_cosmosdb_account" "carts" {
#       name                          = "cosmos-shop-carts"
#       location                      = azurerm_resource_group.shop.location
#       resource_group_name           = azurerm_resource_group.shop.name
#       offer_type                    = "Standard"
#       minimal_tls_version           = "Tls12"
#       public_network_access_enabled = false
#       consistency_policy {
#         consistency_level = "Session"
#       }
#       geo_location {
#         location          = azurerm_resource_group.shop.location
#         failover_priority = 0
#       }
#     }
package leakguard.rules.azure.cosmosdb.min_tls

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

weak := {"Tls", "Tls11"}

deny contains finding.new(rego.metadata.chain(), a, msg) if {
	some a in resources.of_type("azurerm_cosmosdb_account")
	msg := problem(a)
}

problem(a) := sprintf("Cosmos DB account %s has minimal_tls_version unknown at plan time; TLS 1.2 cannot be shown", [a.address]) if {
	resources.unverifiable(a, "minimal_tls_version")
} else := sprintf("Cosmos DB account %s accepts %s; set minimal_tls_version = \"Tls12\"", [a.address, v]) if {
	v := object.get(a.values, "minimal_tls_version", "Tls12")
	v in weak
}
