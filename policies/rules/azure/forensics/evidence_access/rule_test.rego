package leakguard.rules.azure.forensics.evidence_access_test

import data.leakguard.rules.azure.forensics.evidence_access as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

ir := "b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e"

cfg := {"incident_response_principal_ids": [ir]}

account := k.tagged(k.az("azurerm_storage_account.evidence", {"shared_access_key_enabled": false}, {}), {"purpose": "forensics"})

container := k.az("azurerm_storage_container.evidence", {}, {"storage_account_id": ["azurerm_storage_account.evidence"]})

assignment(principal) := k.az("azurerm_role_assignment.ra", {"principal_id": principal, "role_definition_name": "Storage Blob Data Reader"}, {"scope": ["azurerm_storage_container.evidence"]})

failing_input := t.with_index([account, container, assignment("99999999-0000-0000-0000-000000000000")])

test_other_principal_fails if {
	k.summary(rule.deny) == {["azure-forensic-evidence-access", "test/azurerm_role_assignment.ra", "azurerm_role_assignment.ra gives 99999999-0000-0000-0000-000000000000 access to evidence azurerm_storage_container.evidence; only the incident-response group may have it"]} with input as failing_input with data.config as cfg
}

test_ir_group_passes if {
	count(rule.deny) == 0 with input as t.with_index([account, container, assignment(ir)]) with data.config as cfg
}

test_unknown_principal_fails if {
	a := k.unknown(k.az("azurerm_role_assignment.ra", {}, {"scope": ["azurerm_storage_account.evidence"]}), ["principal_id"])
	k.summary(rule.deny) == {["azure-forensic-evidence-access", "test/azurerm_role_assignment.ra", "azurerm_role_assignment.ra gives a principal unknown at plan time access to evidence azurerm_storage_account.evidence; only the incident-response group may have it"]} with input as t.with_index([account, a]) with data.config as cfg
}

test_shared_key_on_evidence_account_fails if {
	a := k.tagged(k.az("azurerm_storage_account.evidence", {}, {}), {"purpose": "forensics"})
	k.summary(rule.deny) == {["azure-forensic-evidence-access", "test/azurerm_storage_account.evidence", "Evidence storage account azurerm_storage_account.evidence allows shared-key access, which bypasses role assignments"]} with input as t.with_index([a])
}

test_metadata_marked_container_scope_is_checked if {
	c := k.az("azurerm_storage_container.evidence", {"metadata": {"purpose": "forensics"}}, {})
	count(rule.deny) == 1 with input as t.with_index([c, assignment("x")]) with data.config as cfg
}
