package leakguard.rules.azure.disk.cmk_for_pii_test

import data.leakguard.rules.azure.disk.cmk_for_pii as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

pii(r) := k.tagged(r, {"data-classification": "pii"})

failing_input := t.with_index([pii(k.az("azurerm_managed_disk.customers", {"create_option": "Empty"}, {}))])

test_pii_disk_without_des_fails if {
	k.summary(rule.deny) == {["azure-disk-cmk-pii", "test/azurerm_managed_disk.customers", "azurerm_managed_disk.customers holds pii data but is not encrypted with a customer-managed key (no disk encryption set)"]} with input as failing_input
}

test_des_by_value_or_reference_passes if {
	count(rule.deny) == 0 with input as t.with_index([
		pii(k.az("azurerm_managed_disk.a", {"disk_encryption_set_id": "/subscriptions/x/diskEncryptionSets/cmk"}, {})),
		k.unknown(pii(k.az("azurerm_managed_disk.b", {}, {"secure_vm_disk_encryption_set_id": ["azurerm_disk_encryption_set.cvm"]})), ["secure_vm_disk_encryption_set_id"]),
		k.tagged(k.az("azurerm_managed_disk.c", {}, {}), {"data-classification": "internal"}),
	])
}

test_snapshots_follow_their_source if {
	disk := pii(k.az("azurerm_managed_disk.d", {"disk_encryption_set_id": "/subscriptions/x/diskEncryptionSets/cmk"}, {}))
	count(rule.deny) == 0 with input as t.with_index([disk, pii(k.az("azurerm_snapshot.s", {}, {"source_uri": ["azurerm_managed_disk.d"]}))])
	k.summary(rule.deny) == {["azure-disk-cmk-pii", "test/azurerm_snapshot.s", "azurerm_snapshot.s holds pii data but is not taken from a managed disk encrypted with a customer-managed key"]} with input as t.with_index([pii(k.az("azurerm_snapshot.s", {"source_uri": "/subscriptions/x/disks/elsewhere"}, {}))])
}
