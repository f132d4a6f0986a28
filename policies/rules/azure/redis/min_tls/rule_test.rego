package leakguard.rules.azure.redis.min_tls_test

import data.leakguard.rules.azure.redis.min_tls as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

cache(values) := k.az("azurerm_redis_cache.sessions", values, {})

failing_input := t.with_index([cache({"minimum_tls_version": "1.0"})])

test_tls10_fails if {
	k.summary(rule.deny) == {["azure-redis-min-tls", "test/azurerm_redis_cache.sessions", "Redis cache azurerm_redis_cache.sessions accepts TLS 1.0; set minimum_tls_version = \"1.2\""]} with input as failing_input
}

test_default_and_tls12_pass if {
	count(rule.deny) == 0 with input as t.with_index([cache({})])
	count(rule.deny) == 0 with input as t.with_index([cache({"minimum_tls_version": "1.2"})])
}

test_unknown_is_reported if {
	k.summary(rule.deny) == {["azure-redis-min-tls", "test/azurerm_redis_cache.sessions", "Redis cache azurerm_redis_cache.sessions has minimum_tls_version unknown at plan time; TLS 1.2 cannot be shown"]} with input as t.with_index([k.unknown(cache({}), ["minimum_tls_version"])])
}
