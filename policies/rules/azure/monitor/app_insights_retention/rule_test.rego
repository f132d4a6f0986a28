package leakguard.rules.azure.monitor.app_insights_retention_test

import data.leakguard.rules.azure.monitor.app_insights_retention as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

ai(values) := k.az("azurerm_application_insights.web", object.union({"name": "web", "application_type": "web"}, values), {})

failing_input := t.with_index([ai({"retention_in_days": 730})])

test_too_long_fails if {
	k.summary(rule.deny) == {["azure-app-insights-retention", "test/azurerm_application_insights.web", "Application Insights azurerm_application_insights.web keeps telemetry 730 days, outside 90-400"]} with input as failing_input
}

test_default_passes if {
	count(rule.deny) == 0 with input as t.with_index([ai({})])
}

test_unknown_fails if {
	count(rule.deny) == 1 with input as t.with_index([k.unknown(ai({}), ["retention_in_days"])])
}
