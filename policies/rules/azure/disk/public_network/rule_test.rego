package leakguard.rules.azure.disk.public_network_test

import data.leakguard.rules.azure.disk.public_network as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

failing_input := t.with_index([k.az("azurerm_managed_disk.orders", {"create_option": "Empty"}, {})])

test_default_disk_fails if {
	k.summary(rule.deny) == {["azure-disk-public-network", "test/azurerm_managed_disk.orders", "azurerm_managed_disk.orders can be exported from any network (public network access on, network_access_policy AllowAll)"]} with input as failing_input
}

test_either_restriction_passes if {
	count(rule.deny) == 0 with input as t.with_index([
		k.az("azurerm_managed_disk.a", {"public_network_access_enabled": false}, {}),
		k.az("azurerm_managed_disk.b", {"network_access_policy": "DenyAll"}, {}),
		k.az("azurerm_snapshot.c", {"network_access_policy": "AllowPrivate"}, {}),
	])
}

test_snapshot_and_unknown_fail if {
	k.summary(rule.deny) == {
		["azure-disk-public-network", "test/azurerm_snapshot.s", "azurerm_snapshot.s can be exported from any network (public network access on, network_access_policy AllowAll)"],
		["azure-disk-public-network", "test/azurerm_managed_disk.u", "azurerm_managed_disk.u has its network access settings unknown at plan time; export from public networks cannot be shown off"],
	} with input as t.with_index([
		k.az("azurerm_snapshot.s", {"network_access_policy": "AllowAll"}, {}),
		k.az("azurerm_managed_disk.u", {"network_access_policy": "${var.policy}"}, {}),
	])
}
