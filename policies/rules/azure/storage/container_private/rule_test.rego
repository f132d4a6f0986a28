package leakguard.rules.azure.storage.container_private_test

import data.leakguard.rules.azure.storage.container_private as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

container(values) := k.az("azurerm_storage_container.c", object.union({"name": "exports"}, values), {})

failing_input := t.with_index([container({"container_access_type": "container"})])

test_container_access_fails if {
	k.summary(rule.deny) == {[
		"azure-storage-container-private", "test/azurerm_storage_container.c",
		"Storage container azurerm_storage_container.c has anonymous access type container",
	]} with input as failing_input
}

test_blob_access_fails if {
	count(rule.deny) == 1 with input as t.with_index([container({"container_access_type": "blob"})])
}

test_private_and_default_pass if {
	count(rule.deny) == 0 with input as t.with_index([container({"container_access_type": "private"})])
	count(rule.deny) == 0 with input as t.with_index([container({})])
}

test_unknown_and_interpolated_fail if {
	k.summary(rule.deny) == {[
		"azure-storage-container-private", "test/azurerm_storage_container.c",
		"Storage container azurerm_storage_container.c has an access type unknown at plan time; anonymous access cannot be ruled out",
	]} with input as t.with_index([k.unknown(container({}), ["container_access_type"])])
	count(rule.deny) == 1 with input as t.with_index([container({"container_access_type": "${var.access}"})])
}
