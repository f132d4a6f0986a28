package leakguard.rules.azure.secrets.in_code_test

import data.leakguard.rules.azure.secrets.in_code as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

cand(path, kind, fp) := {"path": path, "kind": kind, "length": 40, "entropy": 4.5, "fingerprint": fp}

app := object.union(k.az("azurerm_linux_web_app.shop", {"name": "app-shop"}, {}), {"secrets": [cand("app_settings.STORAGE", "azure-storage-account-key", "sha256:abcd0123")]})

failing_input := t.with_index([app])

test_storage_key_in_app_settings_fails if {
	k.summary(rule.deny) == {["azure-secret-in-code", "test/azurerm_linux_web_app.shop", "azurerm_linux_web_app.shop holds an Azure storage account key at app_settings.STORAGE (sha256:abcd0123) in its configuration"]} with input as failing_input
}

test_container_and_vm_locations_fail if {
	cg := object.union(k.az("azurerm_container_group.api", {}, {}), {"secrets": [cand("container.environment_variables.DB_URL", "connection-string-password", "sha256:1")]})
	count(rule.deny) == 1 with input as t.with_index([cg])
	vm := object.union(k.az("azurerm_linux_virtual_machine.vm", {}, {}), {"secrets": [cand("custom_data", "private-key", "sha256:2")]})
	count(rule.deny) == 1 with input as t.with_index([vm])
}

test_secure_places_pass if {
	cg := object.union(k.az("azurerm_container_app.api", {}, {}), {"secrets": [cand("secret.value", "named-secret", "sha256:3")]})
	count(rule.deny) == 0 with input as t.with_index([cg])
}

test_provider_block_fails if {
	stack := {"name": "shop", "format": "hcl", "source": "infra/main.tf", "providers": {"azurerm": {"key": "azurerm", "cloud": "azure", "region": null, "secrets": [cand("client_secret", "named-secret", "sha256:4")]}}}
	inp := object.union(t.with_index([]), {"stacks": {"shop": stack}})
	k.summary(rule.deny) == {["azure-secret-in-code", "shop/provider.azurerm", "Provider azurerm in stack shop holds a value named as a secret at client_secret (sha256:4) in its configuration"]} with input as inp
}
