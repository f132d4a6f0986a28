# METADATA
# title: PostgreSQL/MySQL server accepts unencrypted or old-TLS connections
# description: |
#   Connections to the database carry customer records and credentials. Single servers must
#   set ssl_enforcement_enabled = true and keep ssl_minimal_tls_version_enforced at TLS1_2 (its
#   default); flexible servers enforce TLS 1.2 by default and break it only through server
#   parameters: require_secure_transport = off, or a minimum protocol (PostgreSQL
#   ssl_min_protocol_version, MySQL tls_version) that admits TLS 1.0/1.1.
#   Unknowns: an SSL setting or parameter value unknown at plan time or given by an
#   expression the tool cannot evaluate cannot be shown to enforce TLS and is reported.
# custom:
#   id: azure-rdbms-tls
#   control: storage-encryption
#   cloud: azure
#   severity: high
#   data_stores:
#     check: encryption-in-transit
#     types: [azurerm_postgresql_flexible_server, azurerm_postgresql_server, azurerm_mysql_flexible_server, azurerm_mysql_server]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information in transit
#   remediation: |
#     Single servers: ssl_enforcement_enabled = true, ssl_minimal_tls_version_enforced =
#     "TLS1_2" (better: migrate to a flexible server). Flexible servers: remove the
#     require_secure_transport = off parameter and any TLS 1.0/1.1 protocol setting.
#   construct: HardenedFlexibleServer
#   fix:
#     summary: Require TLS for every connection
#     edits:
#       - where: { name: name, values: ["require_secure_transport"] }
#         set: { value: '"on"' }
#       - where: { name: ssl_enforcement_enabled, values: ["false"] }
#         set: { ssl_enforcement_enabled: true }
#     cdktf:
#       option: "HardenedFlexibleServer keeps require_secure_transport at the service default (on)"
#       snippet: |
#         new HardenedFlexibleServer(this, 'orders', { name: 'psql-shop-orders', resourceGroupName: rg.name, location: 'westus2', engine: 'postgres', keyVault: keys, classification: 'pii' });
#   example: |
#     resource "azurerm_postgresql_server" "legacy" {
#       name                             = "psql-shop-legacy"
#       location                         = azurerm_resource_group.shop.location
#       resource_group_name              = azurerm_resource_group.shop.name
#       sku_name                         = "GP_Gen5_2"
#       version                          = "11"
#       public_network_access_enabled    = false
#       ssl_enforcement_enabled          = true
#       ssl_minimal_tls_version_enforced = "TLS1_2"
#     }
package leakguard.rules.azure.rdbms.tls

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

single_servers := ["azurerm_postgresql_server", "azurerm_mysql_server", "azurerm_mariadb_server"]

# Server parameters: name → the values that break TLS (compared lower case). A MySQL
# tls_version value is a comma-separated list of the protocols allowed.
weak_parameters := {
	"azurerm_postgresql_flexible_server_configuration": {
		"require_secure_transport": {"off", "0", "false"},
		"ssl_min_protocol_version": {"tlsv1", "tlsv1.0", "tlsv1.1"},
	},
	"azurerm_mysql_flexible_server_configuration": {
		"require_secure_transport": {"off", "0", "false"},
		"tls_version": {"tlsv1", "tlsv1.0", "tlsv1.1"},
	},
	"azurerm_postgresql_configuration": {"require_secure_transport": {"off", "0", "false"}},
}

weak_tls := {"TLS1_0", "TLS1_1", "TLSEnforcementDisabled"}

deny contains finding.new(rego.metadata.chain(), s, msg) if {
	some t in single_servers
	some s in resources.of_type(t)
	msg := single_problem(s)
}

single_problem(s) := sprintf("%s has ssl_enforcement_enabled unknown at plan time; TLS cannot be shown enforced", [s.address]) if {
	resources.unverifiable(s, "ssl_enforcement_enabled")
} else := sprintf("%s accepts connections without TLS (ssl_enforcement_enabled is not true)", [s.address]) if {
	object.get(s.values, "ssl_enforcement_enabled", null) != true
} else := sprintf("%s has ssl_minimal_tls_version_enforced unknown at plan time; TLS 1.2 cannot be shown", [s.address]) if {
	resources.unverifiable(s, "ssl_minimal_tls_version_enforced")
} else := sprintf("%s accepts %s; set ssl_minimal_tls_version_enforced = \"TLS1_2\"", [s.address, v]) if {
	v := object.get(s.values, "ssl_minimal_tls_version_enforced", "TLS1_2")
	v in weak_tls
}

deny contains finding.new(rego.metadata.chain(), p, msg) if {
	some t, params in weak_parameters
	some p in resources.of_type(t)
	weak := params[lower(object.get(p.values, "name", ""))]
	msg := parameter_problem(p, weak)
}

# A parameter whose name is unknown (a variable without a value, another resource's output) set
# to a value that turns TLS off for one of the parameters above may be that parameter.
deny contains finding.new(rego.metadata.chain(), p, msg) if {
	some t, params in weak_parameters
	some p in resources.of_type(t)
	resources.unresolved(p, "name")
	value := lower(object.get(p.values, "value", ""))
	some weak in params
	some v in split(value, ",")
	trim_space(v) in weak
	msg := sprintf("%s sets a server parameter whose name is unknown at plan time to %s; that it leaves TLS enforced cannot be verified", [p.address, p.values.value])
}

parameter_problem(p, _) := sprintf("%s sets server parameter %s to a value unknown at plan time; TLS cannot be shown enforced", [p.address, p.values.name]) if {
	resources.unverifiable(p, "value")
}

parameter_problem(p, weak) := sprintf("%s sets server parameter %s = %s, allowing connections without TLS 1.2", [p.address, p.values.name, p.values.value]) if {
	not resources.unverifiable(p, "value")
	some v in split(lower(object.get(p.values, "value", "")), ",")
	trim_space(v) in weak
}
