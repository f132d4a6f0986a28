package leakguard.rules.azure.redis.public_network_test

import data.leakguard.rules.azure.redis.public_network as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

cache(values) := k.az("azurerm_redis_cache.sessions", values, {})

failing_input := t.with_index([cache({})])

test_default_fails if {
	k.summary(rule.deny) == {["azure-redis-public-network", "test/azurerm_redis_cache.sessions", "Redis cache azurerm_redis_cache.sessions accepts connections from public networks (public_network_access_enabled is not false)"]} with input as failing_input
}

test_private_or_vnet_injected_passes if {
	count(rule.deny) == 0 with input as t.with_index([cache({"public_network_access_enabled": false})])
	count(rule.deny) == 0 with input as t.with_index([cache({"subnet_id": "/subscriptions/x/subnets/redis"})])
}

test_unknown_is_reported if {
	k.summary(rule.deny) == {["azure-redis-public-network", "test/azurerm_redis_cache.sessions", "Redis cache azurerm_redis_cache.sessions has public_network_access_enabled unknown at plan time; public access cannot be shown off"]} with input as t.with_index([k.unknown(cache({}), ["public_network_access_enabled"])])
}
