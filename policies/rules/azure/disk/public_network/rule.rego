# METADATA
# title: Managed disk or snapshot exportable from public networks
# description: |
#   A disk or snapshot holds a full copy of a server's data. With public network access on
#   and network_access_policy "AllowAll" (both defaults), anyone who obtains an export SAS
#   URL can download it from anywhere. Either set public_network_access_enabled = false or
#   network_access_policy to "DenyAll" (no export) or "AllowPrivate" (export only through a
#   disk access private endpoint).
#   Unknowns: a setting unknown at plan time or given by an expression the tool cannot
#   evaluate is not proven restricted and is reported.
# custom:
#   id: azure-disk-public-network
#   control: public-storage
#   cloud: azure
#   severity: high
#   data_stores:
#     check: public-reachability
#     types: [azurerm_managed_disk, azurerm_snapshot]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Network monitoring and defences; segmentation
#   remediation: |
#     Set public_network_access_enabled = false and network_access_policy = "DenyAll" (or
#     "AllowPrivate" with disk_access_id) on the azurerm_managed_disk / azurerm_snapshot.
#   construct: HardenedManagedDisk
#   fix:
#     summary: Turn off public network access
#     edits:
#       - set: { public_network_access_enabled: false }
#     cdktf:
#       option: "HardenedManagedDisk always turns public network access off"
#       snippet: |
#         new HardenedManagedDisk(this, 'orders', { name: 'disk-shop-orders', resourceGroupName: rg.name, location: 'westus2', sizeGb: 128, keyVault: keys });
#   runbook:
#     exposure: Anyone who obtains an export SAS for the disk or snapshot can download its whole content from any network
#     preserve:
#       - do: Record the disk's network access settings (managed disk shown; az snapshot show for a snapshot)
#         run: az disk show --name {{values.name}} --resource-group {{values.resource_group_name}}
#       - do: Export the access grants (exports) in the exposure window
#         run: az monitor activity-log list --resource-group {{values.resource_group_name}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Revoke any export SAS granted on the disk
#         run: az disk revoke-access --name {{values.name}} --resource-group {{values.resource_group_name}}
#       - do: Refuse exports from public networks
#         run: az disk update --name {{values.name}} --resource-group {{values.resource_group_name}} --network-access-policy DenyAll --public-network-access Disabled
#     verify:
#       - do: networkAccessPolicy reads DenyAll (or AllowPrivate)
#         run: az disk show --name {{values.name}} --resource-group {{values.resource_group_name}} --query "[networkAccessPolicy,publicNetworkAccess]"
#   example: |
#     resource "azurerm_managed_disk" "orders" {
#       name                          = "disk-shop-orders"
#       location                      = azurerm_resource_group.shop.location
#       resource_group_name           = azurerm_resource_group.shop.name
#       storage_account_type          = "Premium_LRS"
#       create_option                 = "Empty"
#       disk_size_gb                  = 128
#       public_network_access_enabled = false
#       network_access_policy         = "DenyAll"
#     }
package leakguard.rules.azure.disk.public_network

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

restricted_policies := {"DenyAll", "AllowPrivate"}

deny contains finding.new(rego.metadata.chain(), d, msg) if {
	some t in ["azurerm_managed_disk", "azurerm_snapshot"]
	some d in resources.of_type(t)
	resources.not_false(d, "public_network_access_enabled")
	not object.get(d.values, "network_access_policy", "AllowAll") in restricted_policies
	msg := message(d)
}

message(d) := sprintf("%s has its network access settings unknown at plan time; export from public networks cannot be shown off", [d.address]) if {
	some attr in ["public_network_access_enabled", "network_access_policy"]
	resources.unverifiable(d, attr)
} else := sprintf("%s can be exported from any network (public network access on, network_access_policy %s)", [d.address, object.get(d.values, "network_access_policy", "AllowAll")])
