package leakguard.rules.azure.network.network_watcher_every_region_test

import data.leakguard.rules.azure.network.network_watcher_every_region as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

sa := k.az("azurerm_storage_account.sa", {}, {})

failing_input := t.with_index([sa])

test_region_without_watcher_fails if {
	k.summary(rule.deny) == {["azure-network-watcher-every-region", "region:azure:westeurope", "Region westeurope has Azure resources but no Network Watcher"]} with input as failing_input
}

test_watcher_in_region_passes if {
	count(rule.deny) == 0 with input as t.with_index([sa, k.az("azurerm_network_watcher.we", {"location": "westeurope"}, {})])
}

test_region_unknown_is_its_own_scope if {
	nowhere := object.union(sa, {"region": null, "values": {"location": "${var.location}"}})
	k.summary(rule.deny) == {["azure-network-watcher-every-region", "region:azure:(region unknown)", "Region (region unknown) has Azure resources but no Network Watcher"]} with input as t.with_index([nowhere, k.az("azurerm_network_watcher.we", {"location": "westeurope"}, {})])
	count(rule.deny) == 0 with input as t.with_index([nowhere, object.union(k.az("azurerm_network_watcher.we", {"location": "${var.location}"}, {}), {"region": null})])
}

# Keys, Front Door endpoints and other resources without a location of their own are in no region.
test_resources_without_location_are_in_no_region if {
	key := object.union(k.az("azurerm_key_vault_key.cmk", {"name": "cmk"}, {}), {"region": null})
	count(rule.deny) == 0 with input as t.with_index([key])
	by_var := object.union(k.az("azurerm_storage_account.sa", {"location": "${var.location}"}, {}), {"region": null})
	count(rule.deny) == 1 with input as t.with_index([key, by_var])
}
