package leakguard.rules.azure.messaging.min_tls_test

import data.leakguard.rules.azure.messaging.min_tls as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

failing_input := t.with_index([k.az("azurerm_servicebus_namespace.orders", {"minimum_tls_version": "1.0"}, {})])

test_tls10_fails if {
	k.summary(rule.deny) == {["azure-messaging-min-tls", "test/azurerm_servicebus_namespace.orders", "azurerm_servicebus_namespace.orders accepts TLS 1.0; set minimum_tls_version = \"1.2\""]} with input as failing_input
}

test_default_and_tls12_pass if {
	count(rule.deny) == 0 with input as t.with_index([k.az("azurerm_eventhub_namespace.a", {}, {}), k.az("azurerm_servicebus_namespace.b", {"minimum_tls_version": "1.2"}, {})])
}

test_unknown_is_reported if {
	k.summary(rule.deny) == {["azure-messaging-min-tls", "test/azurerm_eventhub_namespace.u", "azurerm_eventhub_namespace.u has minimum_tls_version unknown at plan time; TLS 1.2 cannot be shown"]} with input as t.with_index([k.az("azurerm_eventhub_namespace.u", {"minimum_tls_version": "${var.tls}"}, {})])
}
