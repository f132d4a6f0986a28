package leakguard.rules.azure.authorization.custom_role_wildcard_test

import data.leakguard.rules.azure.authorization.custom_role_wildcard as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

role(permissions) := k.az("azurerm_role_definition.app", {"name": "shop-app", "permissions": permissions}, {})

failing_input := t.with_index([role([{"actions": ["*"], "not_actions": []}])])

test_star_action_fails if {
	k.summary(rule.deny) == {["azure-rbac-custom-role-wildcard", "test/azurerm_role_definition.app", "Custom role azurerm_role_definition.app allows wildcard actions *"]} with input as failing_input
}

test_provider_wildcard_data_action_fails if {
	count(rule.deny) == 1 with input as t.with_index([role({"actions": ["Microsoft.Storage/storageAccounts/read"], "data_actions": ["Microsoft.Storage/*"]})])
}

test_explicit_actions_pass if {
	count(rule.deny) == 0 with input as t.with_index([role({"actions": ["Microsoft.Storage/storageAccounts/read"]})])
}

test_unknown_actions_fail if {
	r := k.unknown(role([{}]), ["permissions.actions"])
	k.summary(rule.deny) == {["azure-rbac-custom-role-wildcard", "test/azurerm_role_definition.app", "Custom role azurerm_role_definition.app has permissions.actions unknown at plan time; wildcards cannot be ruled out"]} with input as t.with_index([r])
}

test_role_definition_write_fails if {
	k.summary(rule.deny) == {["azure-rbac-custom-role-wildcard", "test/azurerm_role_definition.app", "Custom role azurerm_role_definition.app allows Microsoft.Authorization/roleDefinitions/write, so it can grant itself any permission"]} with input as t.with_index([role([{"actions": ["Microsoft.Storage/storageAccounts/read", "Microsoft.Authorization/roleDefinitions/write"]}])])
	count(rule.deny) == 1 with input as t.with_index([role([{"actions": ["microsoft.authorization/roleassignments/write"]}])])
	count(rule.deny) == 0 with input as t.with_index([role([{"actions": ["Microsoft.Authorization/roleDefinitions/read"]}])])
}
