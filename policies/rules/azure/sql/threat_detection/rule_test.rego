package leakguard.rules.azure.sql.threat_detection_test

import data.leakguard.rules.azure.sql.threat_detection as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

alerts(values) := k.az("azurerm_mssql_server_security_alert_policy.orders", object.union({"server_name": "orders"}, values), {})

failing_input := t.with_index([alerts({"state": "Enabled", "disabled_alerts": ["Sql_Injection", "Data_Exfiltration"]})])

test_disabled_detections_fail if {
	k.summary(rule.deny) == {[
		"azure-sql-threat-detection", "test/azurerm_mssql_server_security_alert_policy.orders",
		"SQL threat detection on azurerm_mssql_server_security_alert_policy.orders does not cover attacks on the data: disabled_alerts includes Data_Exfiltration, Sql_Injection",
	]} with input as failing_input
}

test_disabled_state_fails if {
	count(rule.deny) == 1 with input as t.with_index([alerts({"state": "disabled"})])
}

test_enabled_with_all_alerts_passes if {
	count(rule.deny) == 0 with input as t.with_index([alerts({"state": "Enabled", "disabled_alerts": []})])
	count(rule.deny) == 0 with input as t.with_index([alerts({"state": "Enabled"})])
}

test_legacy_threat_detection_block_is_read if {
	legacy := k.az("azurerm_sql_server.old", {"threat_detection_policy": [{"state": "Enabled", "disabled_alerts": ["access_anomaly"]}]}, {})
	k.summary(rule.deny) == {["azure-sql-threat-detection", "test/azurerm_sql_server.old", "SQL threat detection on azurerm_sql_server.old does not cover attacks on the data: disabled_alerts includes access_anomaly"]} with input as t.with_index([legacy])
	db := k.az("azurerm_mssql_database.orders", {"threat_detection_policy": {"state": "Enabled"}}, {})
	count(rule.deny) == 0 with input as t.with_index([db])
}

test_unknown_fails if {
	r := k.unknown(alerts({"state": "Enabled"}), ["disabled_alerts"])
	k.summary(rule.deny) == {["azure-sql-threat-detection", "test/azurerm_mssql_server_security_alert_policy.orders", "SQL threat detection on azurerm_mssql_server_security_alert_policy.orders does not cover attacks on the data: disabled_alerts is unknown at plan time"]} with input as t.with_index([r])
}
