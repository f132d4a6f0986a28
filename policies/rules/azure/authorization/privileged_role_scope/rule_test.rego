package leakguard.rules.azure.authorization.privileged_role_scope_test

import data.leakguard.rules.azure.authorization.privileged_role_scope as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

assignment(values, refs) := k.az("azurerm_role_assignment.app", object.union({"principal_id": "11111111-2222-3333-4444-555555555555"}, values), refs)

failing_input := t.with_index([assignment({"scope": "/subscriptions/00000000-0000-0000-0000-000000000000", "role_definition_name": "Contributor"}, {})])

test_contributor_on_subscription_fails if {
	k.summary(rule.deny) == {[
		"azure-rbac-privileged-scope", "test/azurerm_role_assignment.app",
		"azurerm_role_assignment.app grants Contributor at subscription",
	]} with input as failing_input
}

test_owner_by_id_on_management_group_fails if {
	a := assignment({"scope": "/providers/Microsoft.Management/managementGroups/shop", "role_definition_id": "/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635"}, {})
	k.summary(rule.deny) == {["azure-rbac-privileged-scope", "test/azurerm_role_assignment.app", "azurerm_role_assignment.app grants /providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635 at management group"]} with input as t.with_index([a])
}

test_subscription_data_source_reference_fails if {
	sub := k.data_source("azurerm_subscription.current", {})
	a := assignment({"scope": "${data.azurerm_subscription.current.id}", "role_definition_name": "Owner"}, {"scope": ["data.azurerm_subscription.current"]})
	k.summary(rule.deny) == {["azure-rbac-privileged-scope", "test/azurerm_role_assignment.app", "azurerm_role_assignment.app grants Owner at subscription or management group"]} with input as t.with_index([sub, a])
}

test_resource_group_scope_passes if {
	a := assignment({"scope": "/subscriptions/0000/resourceGroups/shop", "role_definition_name": "Contributor"}, {})
	count(rule.deny) == 0 with input as t.with_index([a])
	rg := k.az("azurerm_resource_group.shop", {}, {})
	b := assignment({"scope": "${azurerm_resource_group.shop.id}", "role_definition_name": "Owner"}, {"scope": ["azurerm_resource_group.shop"]})
	count(rule.deny) == 0 with input as t.with_index([rg, b])
}

test_narrow_role_passes if {
	count(rule.deny) == 0 with input as t.with_index([assignment({"scope": "/subscriptions/0000", "role_definition_name": "Storage Blob Data Reader"}, {})])
}

test_unknown_scope_fails if {
	a := k.unknown(assignment({"role_definition_name": "Owner"}, {}), ["scope"])
	k.summary(rule.deny) == {["azure-rbac-privileged-scope", "test/azurerm_role_assignment.app", "azurerm_role_assignment.app grants Owner at a scope unknown at plan time"]} with input as t.with_index([a])
}

test_exempt_principal_passes if {
	count(rule.deny) == 0 with input as failing_input with data.config as {"azure_privileged_principal_exemptions": ["11111111-2222-3333-4444-555555555555"]}
}

# The role from another resource, or from a variable without a value.
subscription := "/subscriptions/00000000-0000-0000-0000-000000000000"

unknown_role_msg := "azurerm_role_assignment.app grants a role unknown at plan time at subscription; that it is not a privileged role cannot be verified"

unknown_role(attr, refs, unlinked) := object.union(k.unknown(assignment({"scope": subscription}, refs), [attr]), {"unlinked": unlinked})

test_role_name_from_another_resource_cannot_be_verified if {
	k.summary(rule.deny) == {["azure-rbac-privileged-scope", "test/azurerm_role_assignment.app", unknown_role_msg]} with input as t.with_index([unknown_role("role_definition_name", {"role_definition_name": ["terraform_data.elsewhere"]}, [])])
}

test_unlinked_role_name_cannot_be_verified if {
	k.summary(rule.deny) == {["azure-rbac-privileged-scope", "test/azurerm_role_assignment.app", unknown_role_msg]} with input as t.with_index([unknown_role("role_definition_name", {}, ["role_definition_name"])])
	k.summary(rule.deny) == {["azure-rbac-privileged-scope", "test/azurerm_role_assignment.app", unknown_role_msg]} with input as t.with_index([unknown_role("role_definition_id", {}, ["role_definition_id"])])
}

test_unknown_role_at_a_narrow_scope_passes if {
	a := object.union(k.unknown(assignment({"scope": "/subscriptions/0000/resourceGroups/shop"}, {}), ["role_definition_name"]), {"unlinked": ["role_definition_name"]})
	count(rule.deny) == 0 with input as t.with_index([a])
}

test_computed_role_id_passes if {
	a := k.unknown(assignment({"scope": subscription, "role_definition_name": "Reader"}, {}), ["role_definition_id"])
	count(rule.deny) == 0 with input as t.with_index([a])
}

test_custom_role_defined_here_passes if {
	custom := k.az("azurerm_role_definition.app", {"name": "app"}, {})
	count(rule.deny) == 0 with input as t.with_index([custom, unknown_role("role_definition_id", {"role_definition_id": ["azurerm_role_definition.app"]}, [])])
}

test_role_data_source_is_judged_by_its_name if {
	owner := k.data_source("azurerm_role_definition.owner", {"name": "Owner"})
	a := unknown_role("role_definition_id", {"role_definition_id": ["data.azurerm_role_definition.owner"]}, [])
	k.summary(rule.deny) == {["azure-rbac-privileged-scope", "test/azurerm_role_assignment.app", "azurerm_role_assignment.app grants Owner at subscription"]} with input as t.with_index([owner, a])
	reader := k.data_source("azurerm_role_definition.owner", {"name": "Reader"})
	count(rule.deny) == 0 with input as t.with_index([reader, a])
}
