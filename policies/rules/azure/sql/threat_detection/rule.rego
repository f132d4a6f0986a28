# METADATA
# title: SQL threat detection turned off or blind to injection and exfiltration
# description: |
#   An SQL security alert policy (azurerm_mssql_server_security_alert_policy, or the legacy
#   threat_detection_policy block of azurerm_sql_server and azurerm_mssql_database) that is
#   Disabled, or that lists Sql_Injection, Sql_Injection_Vulnerability, Data_Exfiltration,
#   Unsafe_Action or Access_Anomaly in disabled_alerts, hides the attacks that precede a
#   database breach.
#   Unknowns: a state or list of disabled alerts unknown at plan time is not proven and is
#   reported.
# custom:
#   id: azure-sql-threat-detection
#   control: threat-detection
#   cloud: azure
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.82 (breach notification without unreasonable delay)
#   audit_component: Network monitoring and defences; incident detection
#   remediation: |
#     Set state = "Enabled" and leave disabled_alerts empty (or list only alerts that do
#     not cover injection, exfiltration or anomalous access).
#   construct: HardenedSqlServer
#   fix:
#     summary: Turn threat detection on and stop disabling the alerts on attacks against the data
#     edits:
#       - on: azurerm_mssql_server_security_alert_policy
#         set: { state: '"Enabled"' }
#         remove: { name: disabled_alerts, values: [Sql_Injection, Sql_Injection_Vulnerability, Data_Exfiltration, Unsafe_Action, Access_Anomaly] }
#   runbook:
#     exposure: SQL injection and data exfiltration against the server raise no alert
#     preserve:
#       - do: Record the server's threat protection state
#         run: az sql server advanced-threat-protection-setting show --name {{values.server_name|fill.server-name}} --resource-group {{values.resource_group_name}}
#       - do: Record where auditing writes (the queries of the window are there)
#         run: az sql server audit-policy show --name {{values.server_name|fill.server-name}} --resource-group {{values.resource_group_name}}
#     contain:
#       - do: Turn threat protection on
#         run: az sql server advanced-threat-protection-setting update --name {{values.server_name|fill.server-name}} --resource-group {{values.resource_group_name}} --state Enabled
#       - do: Clear the disabled alert types on the server's security alert policy
#         run: az resource update --ids {{fill.sql-server-id}}/securityAlertPolicies/Default --set properties.disabledAlerts=[]
#     verify:
#       - do: state reads Enabled and no alert is disabled
#         run: az resource show --ids {{fill.sql-server-id}}/securityAlertPolicies/Default --query "properties.[state,disabledAlerts]"
#   example: |
#     resource "azurerm_mssql_server_security_alert_policy" "orders" {
#       resource_group_name = "shop-data"
#       server_name         = "shop-orders-sql"
#       state               = "Enabled"
#       disabled_alerts     = []
#     }
package leakguard.rules.azure.sql.threat_detection

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

# Alerts that must stay on (lower case; Azure compares them case-insensitively).
essential := {"sql_injection", "sql_injection_vulnerability", "data_exfiltration", "unsafe_action", "access_anomaly"}

# [reported resource, policy values, attribute prefix]
# A list, not a set: a set hashes each whole resource (lib/resources.rego, identity_documents).
policies := array.concat(
	[[r, r.values, ""] | some r in resources.of_type("azurerm_mssql_server_security_alert_policy")],
	[[r, p, "threat_detection_policy."] |
		some t in ["azurerm_sql_server", "azurerm_mssql_database"]
		some r in resources.of_type(t)
		some p in resources.objects(object.get(r.values, "threat_detection_policy", null))
	],
)

problems(r, p, prefix) := ({"state is Disabled" |
	lower(object.get(p, "state", "")) == "disabled"
} | {sprintf("disabled_alerts includes %s", [concat(", ", sort(off))]) |
	off := {a | some a in resources.as_list(object.get(p, "disabled_alerts", null)); lower(a) in essential}
	count(off) > 0
}) | {sprintf("%s is unknown at plan time", [attr]) |
	some attr in ["state", "disabled_alerts"]
	resources.unknown_at(r, concat("", [prefix, attr]))
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some [r, p, prefix] in policies
	ps := problems(r, p, prefix)
	count(ps) > 0
	msg := sprintf("SQL threat detection on %s does not cover attacks on the data: %s", [r.address, concat("; ", sort(ps))])
}
