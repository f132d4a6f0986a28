# METADATA
# title: Azure Cache for Redis reachable from public networks
# description: |
#   Caches hold sessions, carts and tokens of signed-in customers. With public network
#   access on (the default) the cache endpoint answers the whole internet, protected only by
#   its access keys. public_network_access_enabled must be false (access through a private
#   endpoint), unless the cache is injected into a virtual network (subnet_id).
#   Unknowns: a flag unknown at plan time or given by an expression the tool cannot evaluate
#   is not proven off and is reported.
# custom:
#   id: azure-redis-public-network
#   control: public-storage
#   cloud: azure
#   severity: high
#   data_stores:
#     check: public-reachability
#     types: [azurerm_redis_cache]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Network monitoring and defences; segmentation
#   remediation: |
#     Set public_network_access_enabled = false and add an azurerm_private_endpoint (or
#     deploy a Premium cache into a subnet with subnet_id).
#   construct: HardenedRedisCache
#   fix:
#     summary: Turn off public network access
#     edits:
#       - set: { public_network_access_enabled: false }
#     cdktf:
#       option: "HardenedRedisCache always turns public network access off"
#       snippet: |
#         new HardenedRedisCache(this, 'sessions', { name: 'redis-shop-sessions', resourceGroupName: rg.name, location: 'westus2', workspaceId: centralWorkspace.id });
#   runbook:
#     exposure: The cache answers on a public endpoint; session data is one leaked access key away
#     preserve:
#       - do: Save the cache's settings as they are now
#         run: az redis show --name {{values.name}} --resource-group {{values.resource_group_name}}
#       - do: Save its firewall rules
#         run: az redis firewall-rules list --name {{values.name}} --resource-group {{values.resource_group_name}}
#       - do: Export the control-plane changes in the exposure window (key listings, regenerations)
#         run: az monitor activity-log list --resource-group {{values.resource_group_name}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Turn off public network access
#         run: az redis update --name {{values.name}} --resource-group {{values.resource_group_name}} --set publicNetworkAccess=Disabled
#       - do: Regenerate the access keys, since they may have been used from outside
#         run: az redis regenerate-keys --name {{values.name}} --resource-group {{values.resource_group_name}} --key-type Primary
#         destructive: true
#     verify:
#       - do: publicNetworkAccess reads Disabled
#         run: az redis show --name {{values.name}} --resource-group {{values.resource_group_name}} --query publicNetworkAccess
#   example: |
#     resource "azurerm_redis_cache" "sessions" {
#       name                          = "redis-shop-sessions"
#       location                      = azurerm_resource_group.shop.location
#       resource_group_name           = azurerm_resource_group.shop.name
#       capacity                      = 1
#       family                        = "C"
#       sku_name                      = "Standard"
#       minimum_tls_version           = "1.2"
#       public_network_access_enabled = false # reached through an azurerm_private_endpoint
#     }
package leakguard.rules.azure.redis.public_network

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

deny contains finding.new(rego.metadata.chain(), c, msg) if {
	some c in resources.of_type("azurerm_redis_cache")
	resources.not_false(c, "public_network_access_enabled")
	not resources.is_set(c, "subnet_id")
	msg := message(c)
}

message(c) := sprintf("Redis cache %s has public_network_access_enabled unknown at plan time; public access cannot be shown off", [c.address]) if resources.unverifiable(c, "public_network_access_enabled")

message(c) := sprintf("Redis cache %s accepts connections from public networks (public_network_access_enabled is not false)", [c.address]) if not resources.unverifiable(c, "public_network_access_enabled")
