package leakguard.rules.azure.storage.sas_lifetime_test

import data.leakguard.rules.azure.storage.sas_lifetime as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

sas(values) := k.in_region(k.data_source("azurerm_storage_account_blob_container_sas.s", object.union({"start": "2026-01-01T00:00:00Z", "expiry": "2026-03-01T00:00:00Z"}, values)), "westeurope")

failing_input := t.with_index([sas({"permissions": {"read": true, "write": true, "list": true, "delete": false}})])

test_long_lived_write_token_fails if {
	k.summary(rule.deny) == {[
		"azure-storage-sas-lifetime", "test/data.azurerm_storage_account_blob_container_sas.s",
		"SAS data.azurerm_storage_account_blob_container_sas.s grants list, write for 1416 hours (maximum 24)",
	]} with input as failing_input
}

test_long_lived_read_only_token_passes if {
	count(rule.deny) == 0 with input as t.with_index([sas({"permissions": [{"read": true, "write": false}]})])
}

test_short_lived_write_token_passes if {
	s := sas({"start": "2026-01-01T06:00:00Z", "expiry": "2026-01-02", "permissions": {"write": true}})
	count(rule.deny) == 0 with input as t.with_index([s])
}

test_unknown_expiry_fails if {
	s := k.unknown(object.union(sas({"permissions": {"delete": true}}), {"values": {"expiry": null}}), ["expiry"])
	k.summary(rule.deny) == {[
		"azure-storage-sas-lifetime", "test/data.azurerm_storage_account_blob_container_sas.s",
		"SAS data.azurerm_storage_account_blob_container_sas.s grants delete and its lifetime cannot be computed before apply (start/expiry unknown)",
	]} with input as t.with_index([s])
}

test_unknown_permissions_with_long_lifetime_fails if {
	s := k.unknown(sas({}), ["permissions"])
	k.summary(rule.deny) == {[
		"azure-storage-sas-lifetime", "test/data.azurerm_storage_account_blob_container_sas.s",
		"SAS data.azurerm_storage_account_blob_container_sas.s grants possibly broad (permissions unknown at plan time) for 1416 hours (maximum 24)",
	]} with input as t.with_index([s])
}

test_interpolated_start_is_unknown if {
	s := sas({"start": "${timestamp()}", "permissions": {"write": true}})
	count(rule.deny) == 1 with input as t.with_index([s])
}
