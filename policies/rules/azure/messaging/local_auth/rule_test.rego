package leakguard.rules.azure.messaging.local_auth_test

import data.leakguard.rules.azure.messaging.local_auth as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

hub(values) := k.az("azurerm_eventhub_namespace.events", object.union({"name": "evh-shop", "sku": "Standard"}, values), {})

bus(values) := k.az("azurerm_servicebus_namespace.orders", object.union({"name": "sb-shop", "sku": "Standard"}, values), {})

failing_input := t.with_index([bus({})])

test_default_sas_fails if {
	k.summary(rule.deny) == {["azure-messaging-local-auth", "test/azurerm_servicebus_namespace.orders", "Service Bus namespace azurerm_servicebus_namespace.orders accepts SAS keys (local_auth_enabled is not false)"]} with input as failing_input
	k.summary(rule.deny) == {["azure-messaging-local-auth", "test/azurerm_eventhub_namespace.events", "Event Hubs namespace azurerm_eventhub_namespace.events accepts SAS keys (local_authentication_enabled is not false)"]} with input as t.with_index([hub({"local_authentication_enabled": true})])
}

test_entra_only_passes if {
	count(rule.deny) == 0 with input as t.with_index([bus({"local_auth_enabled": false}), hub({"local_authentication_enabled": false})])

	# Each type reads its own flag name.
	count(rule.deny) == 2 with input as t.with_index([bus({"local_authentication_enabled": false}), hub({"local_auth_enabled": false})])
}

test_unknown_fails if {
	k.summary(rule.deny) == {["azure-messaging-local-auth", "test/azurerm_eventhub_namespace.events", "Event Hubs namespace azurerm_eventhub_namespace.events has local_authentication_enabled unknown at plan time; SAS key access cannot be shown off"]} with input as t.with_index([hub({"local_authentication_enabled": "${var.sas}"})])
	count(rule.deny) == 1 with input as t.with_index([k.unknown(bus({}), ["local_auth_enabled"])])
}
