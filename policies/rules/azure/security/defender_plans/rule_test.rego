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

# The plan from another resource, or from a variable without a value.
unknown_plan(tier, refs, unlinked) := object.union(k.unknown(k.az("azurerm_security_center_subscription_pricing.other", {"tier": tier}, refs), ["resource_type"]), {"unlinked": unlinked})

unknown_free_msg := "azurerm_security_center_subscription_pricing.other sets tier Free on a Defender plan unknown at plan time; that it is not required plan KeyVaults or StorageAccounts cannot be verified"

test_free_plan_from_another_resource_cannot_be_verified if {
	p := unknown_plan("Free", {"resource_type": ["terraform_data.elsewhere"]}, [])
	k.summary(rule.deny) == {
		["azure-defender-plans", "test/azurerm_security_center_subscription_pricing.other", unknown_free_msg],
		["azure-defender-plans", "estate:azure", "Defender for Cloud plan KeyVaults is not enabled (Standard tier) in the evaluated stacks"],
		["azure-defender-plans", "estate:azure", "Defender for Cloud plan StorageAccounts is not enabled (Standard tier) in the evaluated stacks"],
	} with input as t.with_index([sa, p, pricing("sql", "SqlServers", "Standard")])
}

test_unlinked_free_plan_cannot_be_verified if {
	p := unknown_plan("Free", {}, ["resource_type"])
	k.summary(rule.deny) == {
		["azure-defender-plans", "test/azurerm_security_center_subscription_pricing.other", "azurerm_security_center_subscription_pricing.other sets tier Free on a Defender plan unknown at plan time; that it is not required plan Containers cannot be verified"],
		["azure-defender-plans", "estate:azure", "Defender for Cloud plan Containers is not enabled (Standard tier) in the evaluated stacks"],
	} with input as t.with_index(array.concat([sa, p], all_standard))
		with data.config as {"defender_required_plans": ["StorageAccounts", "SqlServers", "KeyVaults", "Containers"]}
}

test_unknown_free_plan_when_every_required_plan_is_standard_passes if {
	count(rule.deny) == 0 with input as t.with_index(array.concat([sa, unknown_plan("Free", {}, ["resource_type"])], all_standard))
}

test_unknown_standard_plan_is_named_by_the_missing_plan_finding if {
	p := unknown_plan("Standard", {}, ["resource_type"])
	k.summary(rule.deny) == {["azure-defender-plans", "estate:azure", "Defender for Cloud plan KeyVaults is not shown enabled (Standard tier) in the evaluated stacks; azurerm_security_center_subscription_pricing.other enables a plan unknown at plan time, which cannot be verified to be it"]} with input as t.with_index([sa, all_standard[0], all_standard[1], p])
}
