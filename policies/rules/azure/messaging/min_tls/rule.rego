# METADATA
# title: Event Hubs or Service Bus namespace accepts TLS older than 1.2
# description: |
#   TLS 1.0/1.1 are broken for data in transit. minimum_tls_version on Event Hubs and Service
#   Bus namespaces must be "1.2" (the default); "1.0" and "1.1" let producers and consumers
#   move messages over old protocols.
#   Unknowns: a version unknown at plan time or given by an expression the tool cannot
#   evaluate cannot be shown to be TLS 1.2 and is reported.
# custom:
#   id: azure-messaging-min-tls
#   control: storage-encryption
#   cloud: azure
#   severity: high
#   data_stores:
#     check: encryption-in-transit
#     types: [azurerm_eventhub_namespace, azurerm_servicebus_namespace]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Encryption of personal information in transit
#   remediation: |
#     Set minimum_tls_version = "1.2" (or remove the older value) on the namespace.
#   construct: HardenedServiceBusNamespace
#   fix:
#     summary: Refuse clients older than TLS 1.2
#     edits:
#       - set: { minimum_tls_version: '"1.2"' }
#     cdktf:
#       option: "HardenedServiceBusNamespace always requires TLS 1.2"
#       snippet: |
#         new HardenedServiceBusNamespace(this, 'orders', { name: 'sb-shop-orders', resourceGroupName: rg.name, location: 'westus2', keyVault: keys });
#   example: |
#     resource "azurerm_eventhub_namespace" "events" {
#       name                          = "evh-shop-events"
#       location                      = azurerm_resource_group.shop.location
#       resource_group_name           = azurerm_resource_group.shop.name
#       sku                           = "Standard"
#       minimum_tls_version           = "1.2"
#       public_network_access_enabled = false
#     }
package leakguard.rules.azure.messaging.min_tls

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

weak := {"1.0", "1.1"}

deny contains finding.new(rego.metadata.chain(), n, msg) if {
	some t in ["azurerm_eventhub_namespace", "azurerm_servicebus_namespace"]
	some n in resources.of_type(t)
	msg := problem(n)
}

problem(n) := sprintf("%s has minimum_tls_version unknown at plan time; TLS 1.2 cannot be shown", [n.address]) if {
	resources.unverifiable(n, "minimum_tls_version")
} else := sprintf("%s accepts TLS %s; set minimum_tls_version = \"1.2\"", [n.address, v]) if {
	v := object.get(n.values, "minimum_tls_version", "1.2")
	v in weak
}
