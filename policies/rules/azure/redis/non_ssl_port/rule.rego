# METADATA
# title: Azure Cache for Redis non-TLS port open
# description: |
#   The non-SSL port (6379) carries cached sessions, carts and the access key itself in
#   plain text. non_ssl_port_enabled (enable_non_ssl_port before azurerm 4.0) must stay
#   false, its default.
#   Unknowns: a flag unknown at plan time or given by an expression the tool cannot evaluate
#   is not proven off and is reported.
# custom:
#   id: azure-redis-non-ssl-port
#   control: storage-encryption
#   cloud: azure
#   severity: high
#   data_stores:
#     check: encryption-in-transit
#     types: [azurerm_redis_cache]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information in transit
#   remediation: |
#     Remove non_ssl_port_enabled (or set it to false) and connect on the TLS port 6380.
#   construct: HardenedRedisCache
#   fix:
#     summary: Close the plain-text port
#     edits:
#       - set: { non_ssl_port_enabled: false }
#     cdktf:
#       option: "HardenedRedisCache always closes the non-SSL port"
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
#       non_ssl_port_enabled          = false
#       minimum_tls_version           = "1.2"
#       public_network_access_enabled = false
#     }
package leakguard.rules.azure.redis.non_ssl_port

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

# The flag's name in azurerm 4.x and before.
flags := ["non_ssl_port_enabled", "enable_non_ssl_port"]

deny contains finding.new(rego.metadata.chain(), c, msg) if {
	some c in resources.of_type("azurerm_redis_cache")
	some attr in flags
	msg := problem(c, attr)
}

problem(c, attr) := sprintf("Redis cache %s has %s unknown at plan time; the plain-text port cannot be shown closed", [c.address, attr]) if {
	resources.unverifiable(c, attr)
}

problem(c, attr) := sprintf("Redis cache %s opens the non-TLS port 6379 (%s = true)", [c.address, attr]) if {
	object.get(c.values, attr, false) == true
}
