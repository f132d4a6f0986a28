package leakguard.rules.azure.security.defender_plans_test

import data.leakguard.rules.azure.security.defender_plans as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

sa := k.az("azurerm_storage_account.sa", {}, {})

pricing(name, plan, tier) := k.az(concat(".", ["azurerm_security_center_subscription_pricing", name]), {"resource_type": plan, "tier": tier}, {})

all_standard := [pricing("st", "StorageAccounts", "Standard"), pricing("sql", "SqlServers", "Standard"), pricing("kv", "KeyVaults", "Standard")]

failing_input := t.with_index([sa, pricing("st", "StorageAccounts", "Free"), pricing("sql", "SqlServers", "Standard")])

test_free_and_missing_plans_fail if {
	k.summary(rule.deny) == {
		["azure-defender-plans", "test/azurerm_security_center_subscription_pricing.st", "azurerm_security_center_subscription_pricing.st leaves Defender plan StorageAccounts on tier Free"],
		["azure-defender-plans", "estate:azure", "Defender for Cloud plan KeyVaults is not enabled (Standard tier) in the evaluated stacks"],
	} with input as failing_input
}

test_all_standard_passes if {
	count(rule.deny) == 0 with input as t.with_index(array.concat([sa], all_standard))
}

test_unknown_tier_fails if {
	p := k.unknown(k.az("azurerm_security_center_subscription_pricing.kv", {"resource_type": "KeyVaults"}, {}), ["tier"])
	count(rule.deny) == 1 with input as t.with_index([sa, all_standard[0], all_standard[1], p])
}
