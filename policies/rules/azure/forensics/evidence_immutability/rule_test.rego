package leakguard.rules.azure.forensics.evidence_immutability_test

import data.leakguard.rules.azure.forensics.evidence_immutability as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

account := k.tagged(k.az("azurerm_storage_account.evidence", {"name": "stevidence"}, {}), {"purpose": "forensics"})

container := k.az("azurerm_storage_container.evidence", {"name": "evidence"}, {"storage_account_id": ["azurerm_storage_account.evidence"]})

policy(values) := k.az("azurerm_storage_container_immutability_policy.evidence", values, {"storage_container_resource_manager_id": ["azurerm_storage_container.evidence"]})

failing_input := t.with_index([account, container, policy({"immutability_period_in_days": 365, "locked": false})])

test_unlocked_policy_fails if {
	k.summary(rule.deny) == {["azure-forensic-immutability", "test/azurerm_storage_container.evidence", "Evidence container azurerm_storage_container.evidence has no locked immutability policy of at least 365 days"]} with input as failing_input
}

test_locked_policy_passes if {
	count(rule.deny) == 0 with input as t.with_index([account, container, policy({"immutability_period_in_days": 365, "locked": true})])
}

test_account_level_locked_policy_passes if {
	a := object.union(account, {"values": {"immutability_policy": {"state": "Locked", "period_since_creation_in_days": 400, "allow_protected_append_writes": false}}})
	count(rule.deny) == 0 with input as t.with_index([a, container])
	count(rule.deny) == 0 with input as t.with_index([a])
}

test_evidence_account_without_container_fails if {
	k.summary(rule.deny) == {["azure-forensic-immutability", "test/azurerm_storage_account.evidence", "Evidence storage account azurerm_storage_account.evidence has no locked immutability policy of at least 365 days"]} with input as t.with_index([account])
}

test_container_metadata_marks_evidence if {
	c := k.az("azurerm_storage_container.x", {"metadata": {"purpose": "forensics"}}, {})
	count(rule.deny) == 1 with input as t.with_index([c])
	count(rule.deny) == 0 with input as t.with_index([k.az("azurerm_storage_container.x", {}, {})])
}
