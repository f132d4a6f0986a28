# METADATA
# title: Azure Cache for Redis accepts TLS older than 1.2
# description: |
#   TLS 1.0/1.1 are broken for data in transit. minimum_tls_version must be "1.2" (the
#   default since azurerm 3.0; azurerm 2.x defaulted to "1.0").
#   Unknowns: a version unknown at plan time or given by an expression the tool cannot
#   evaluate cannot be shown to be TLS 1.2 and is reported.
# custom:
#   id: azure-redis-min-tls
#   control: storage-encryption
#   cloud: azure
#   severity: high
#   data_stores:
#     check: encryption-in-transit
#     types: [azurerm_redis_cache]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Encryption of personal information in transit
#   remediation: |
#     Set minimum_tls_version = "1.2" on the azurerm_redis_cache.
#   construct: HardenedRedisCache
#   fix:
#     summary: Refuse clients older than TLS 1.2
#     edits:
#       - set: { minimum_tls_version: '"1.2"' }
#     cdktf:
#       option: "HardenedRedisCache always requires TLS 1.2"
#       snippet: |
#         new HardenedRedisCache(this, 'sessions', { name: 'redis-shop-sessions', resourceGroupName: rg.name, location: 'westus2', workspaceId: centralWorkspace.id });
#   example: |
#     resource "azurerm_redis_cache" "sessions" {
#       name                          = "redis-shop-sessions"
#       location                      = azurerm_resource_group.shop.location
#       resource_group_name           = azurerm_resource_group.shop.name
#       capacity                      = 1
#       family                        = "C"
#       sku_name                      = "Standard"
#       minimum_tls_version           = "1.2"
#       public_network_access_enabled = false
#     }
package leakguard.rules.azure.redis.min_tls

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

weak := {"1.0", "1.1"}

deny contains finding.new(rego.metadata.chain(), c, msg) if {
	some c in resources.of_type("azurerm_redis_cache")
	msg := problem(c)
}

problem(c) := sprintf("Redis cache %s has minimum_tls_version unknown at plan time; TLS 1.2 cannot be shown", [c.address]) if {
	resources.unverifiable(c, "minimum_tls_version")
} else := sprintf("Redis cache %s accepts TLS %s; set minimum_tls_version = \"1.2\"", [c.address, v]) if {
	v := object.get(c.values, "minimum_tls_version", "1.2")
	v in weak
}
