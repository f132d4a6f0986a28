package leakguard.rules.azure.messaging.cmk_for_pii_test

import data.leakguard.rules.azure.messaging.cmk_for_pii as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

pii := {"data-classification": "pii"}

bus(values) := k.tagged(k.az("azurerm_servicebus_namespace.orders", object.union({"name": "sb-orders", "sku": "Premium"}, values), {}), pii)

hub := k.tagged(k.az("azurerm_eventhub_namespace.events", {"name": "evh-events", "sku": "Premium"}, {}), pii)

hub_key(ids) := k.az("azurerm_eventhub_namespace_customer_managed_key.events", {"eventhub_namespace_id": "${azurerm_eventhub_namespace.events.id}", "key_vault_key_ids": ids}, {"eventhub_namespace_id": ["azurerm_eventhub_namespace.events"]})

bus_key := k.az("azurerm_servicebus_namespace_customer_managed_key.orders", {"namespace_id": "${azurerm_servicebus_namespace.orders.id}", "key_vault_key_id": "${azurerm_key_vault_key.orders.id}"}, {"namespace_id": ["azurerm_servicebus_namespace.orders"], "key_vault_key_id": ["azurerm_key_vault_key.orders"]})

test_pii_namespaces_without_a_customer_managed_key_fail if {
	k.summary(rule.deny) == {
		["azure-messaging-cmk-pii", "test/azurerm_servicebus_namespace.orders", "Service Bus namespace azurerm_servicebus_namespace.orders holds pii data but its messages are encrypted with Microsoft-managed keys only (no customer-managed key)"],
		["azure-messaging-cmk-pii", "test/azurerm_eventhub_namespace.events", "Event Hubs namespace azurerm_eventhub_namespace.events holds pii data but its messages are encrypted with Microsoft-managed keys only (no customer-managed key)"],
	} with input as t.with_index([bus({}), hub])

	# An empty key list is no key.
	count(rule.deny) == 1 with input as t.with_index([hub, hub_key([])])
}

test_customer_managed_keys_pass if {
	count(rule.deny) == 0 with input as t.with_index([bus({"customer_managed_key": [{"key_vault_key_id": "https://kv-shop.vault.azure.net/keys/orders"}]})])
	count(rule.deny) == 0 with input as t.with_index([bus({}), bus_key])
	count(rule.deny) == 0 with input as t.with_index([hub, hub_key(["https://kv-shop.vault.azure.net/keys/events"])])

	# Namespaces not classified as personal information are not judged.
	count(rule.deny) == 0 with input as t.with_index([k.tagged(bus({}), {"data-classification": "internal"})])
}

test_keys_known_only_after_apply_count_as_set if {
	by_reference := object.union(bus({}), {"references": {"customer_managed_key.key_vault_key_id": ["test/azurerm_key_vault_key.orders"]}})
	count(rule.deny) == 0 with input as t.with_index([k.unknown(by_reference, ["customer_managed_key.key_vault_key_id"])])
	count(rule.deny) == 0 with input as t.with_index([hub, k.unknown(hub_key(null), ["key_vault_key_ids"])])

	# A key resource for another namespace does not count.
	other := k.az("azurerm_servicebus_namespace_customer_managed_key.other", {"namespace_id": "${azurerm_servicebus_namespace.other.id}", "key_vault_key_id": "k"}, {"namespace_id": ["azurerm_servicebus_namespace.other"]})
	count(rule.deny) == 1 with input as t.with_index([bus({}), other])
}
