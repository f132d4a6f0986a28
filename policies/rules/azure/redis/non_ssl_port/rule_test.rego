package leakguard.rules.azure.redis.non_ssl_port_test

import data.leakguard.rules.azure.redis.non_ssl_port as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

cache(values) := k.az("azurerm_redis_cache.sessions", values, {})

failing_input := t.with_index([cache({"non_ssl_port_enabled": true})])

test_open_port_fails if {
	k.summary(rule.deny) == {["azure-redis-non-ssl-port", "test/azurerm_redis_cache.sessions", "Redis cache azurerm_redis_cache.sessions opens the non-TLS port 6379 (non_ssl_port_enabled = true)"]} with input as failing_input
	k.summary(rule.deny) == {["azure-redis-non-ssl-port", "test/azurerm_redis_cache.sessions", "Redis cache azurerm_redis_cache.sessions opens the non-TLS port 6379 (enable_non_ssl_port = true)"]} with input as t.with_index([cache({"enable_non_ssl_port": true})])
}

test_default_and_off_pass if {
	count(rule.deny) == 0 with input as t.with_index([cache({})])
	count(rule.deny) == 0 with input as t.with_index([cache({"non_ssl_port_enabled": false})])
}

test_unknown_is_reported if {
	k.summary(rule.deny) == {["azure-redis-non-ssl-port", "test/azurerm_redis_cache.sessions", "Redis cache azurerm_redis_cache.sessions has non_ssl_port_enabled unknown at plan time; the plain-text port cannot be shown closed"]} with input as t.with_index([cache({"non_ssl_port_enabled": "${var.plain}"})])
}
