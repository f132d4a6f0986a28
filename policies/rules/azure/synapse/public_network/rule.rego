# METADATA
# title: Synapse workspace reachable from public networks
# description: |
#   A Synapse workspace's SQL, development and serverless endpoints query the data lake
#   that holds customer data. With public network access on (the default) they answer the
#   internet, guarded by workspace firewall rules and logins. public_network_access_enabled
#   must be false, with access through managed private endpoints.
#   Unknowns: a flag unknown at plan time or given by an expression the tool cannot evaluate
#   is not proven off and is reported.
# custom:
#   id: azure-synapse-public-network
#   control: public-storage
#   cloud: azure
#   severity: high
#   data_stores:
#     check: public-reachability
#     types: [azurerm_synapse_workspace]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Network monitoring and defences; segmentation
#   remediation: |
#     Set public_network_access_enabled = false, managed_virtual_network_enabled = true and
#     reach the workspace through private endpoints.
#   construct: HardenedSynapseWorkspace
#   fix:
#     summary: Turn off public network access
#     edits:
#       - set: { public_network_access_enabled: false }
#     cdktf:
#       option: "HardenedSynapseWorkspace always turns public network access off"
#       snippet: |
#         new HardenedSynapseWorkspace(this, 'analytics', { name: 'synw-shop-analytics', resourceGroupName: rg.name, location: 'westus2', dataLakeFilesystemId: lakeFilesystem.id, keyVault: keys });
#   runbook:
#     exposure: The Synapse workspace answers on public endpoints; its firewall rules and logins are all that protect the data
#     preserve:
#       - do: Save the workspace's settings and firewall rules
#         run: az synapse workspace firewall-rule list --workspace-name {{values.name}} --resource-group {{values.resource_group_name}}
#       - do: Export the control-plane changes in the exposure window
#         run: az monitor activity-log list --resource-group {{values.resource_group_name}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Turn off public network access (managed private endpoints keep working)
#         run: az resource update --name {{values.name}} --resource-group {{values.resource_group_name}} --resource-type Microsoft.Synapse/workspaces --set properties.publicNetworkAccess=Disabled
#     verify:
#       - do: publicNetworkAccess reads Disabled
#         run: az synapse workspace show --name {{values.name}} --resource-group {{values.resource_group_name}} --query publicNetworkAccess
#   example: |
#     resource "azurerm_synapse_workspace" "analytics" {
#       name                                 = "synw-shop-analytics"
#       resource_group_name                  = azurerm_resource_group.shop.name
#       location                             = azurerm_resource_group.shop.location
#       storage_data_lake_gen2_filesystem_id = azurerm_storage_data_lake_gen2_filesystem.lake.id
#       managed_virtual_network_enabled      = true
#       data_exfiltration_protection_enabled = true
#       public_network_access_enabled        = false
#       azuread_authentication_only          = true
#       identity {
#         type = "SystemAssigned"
#       }
#     }
package leakguard.rules.azure.synapse.public_network

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

deny contains finding.new(rego.metadata.chain(), w, msg) if {
	some w in resources.of_type("azurerm_synapse_workspace")
	resources.not_false(w, "public_network_access_enabled")
	msg := message(w)
}

message(w) := sprintf("Synapse workspace %s has public_network_access_enabled unknown at plan time; public access cannot be shown off", [w.address]) if resources.unverifiable(w, "public_network_access_enabled")

message(w) := sprintf("Synapse workspace %s accepts connections from public networks (public_network_access_enabled is not false)", [w.address]) if not resources.unverifiable(w, "public_network_access_enabled")
