package leakguard.rules.azure.authorization.cross_environment_assignment_test

import data.leakguard.rules.azure.authorization.cross_environment_assignment as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

cfg := {
	"environment_subscriptions": {"prod": ["3F2A1B0C-0000-0000-0000-000000000001"]},
	"environment_principals": {"dev": ["dddddddd-0000-0000-0000-000000000001"]},
}

assignment(values, refs) := k.az("azurerm_role_assignment.ra", object.union({"role_definition_name": "Storage Blob Data Reader"}, values), refs)

dev_principal_on_prod := t.with_index([assignment({"scope": "/subscriptions/3f2a1b0c-0000-0000-0000-000000000001/resourceGroups/shop", "principal_id": "dddddddd-0000-0000-0000-000000000001"}, {})])

test_dev_principal_on_prod_subscription_fails if {
	k.summary(rule.deny) == {[
		"azure-identity-cross-environment", "test/azurerm_role_assignment.ra",
		"azurerm_role_assignment.ra gives a principal of environment dev a role on a scope of environment prod",
	]} with input as dev_principal_on_prod with data.config as cfg
}

test_referenced_identity_and_scope_environments_are_compared if {
	id := k.tagged(k.az("azurerm_user_assigned_identity.ci", {}, {}), {"environment": "dev"})
	sa := k.tagged(k.az("azurerm_storage_account.sa", {}, {}), {"environment": "prod"})
	a := assignment({"scope": "${azurerm_storage_account.sa.id}", "principal_id": "${azurerm_user_assigned_identity.ci.principal_id}"}, {"scope": ["azurerm_storage_account.sa"], "principal_id": ["azurerm_user_assigned_identity.ci"]})
	count(rule.deny) == 1 with input as t.with_index([id, sa, a])
	same := k.tagged(id, {"environment": "prod"})
	count(rule.deny) == 0 with input as t.with_index([same, sa, a])
}

test_unmapped_principal_is_not_compared if {
	count(rule.deny) == 0 with input as dev_principal_on_prod
}

dev_rg := k.in_stack(k.az("azurerm_resource_group.rg", {}, {}), "shop-dev")

prod_rg := k.in_stack(k.az("azurerm_resource_group.rg", {}, {}), "shop-prod")

shared := assignment({"principal_id": "D4E5F6A7-0000-0000-0000-000000000000"}, {"scope": ["azurerm_resource_group.rg"]})

failing_input := t.with_index([dev_rg, prod_rg, k.in_stack(shared, "shop-dev"), k.in_stack(shared, "shop-prod")])

test_principal_shared_across_environment_stacks_fails if {
	dev := k.in_stack(shared, "shop-dev")
	k.summary(rule.deny) == {
		["azure-identity-cross-environment", "shop-dev/azurerm_role_assignment.ra", "azurerm_role_assignment.ra gives principal D4E5F6A7-0000-0000-0000-000000000000 a role while it also holds roles in other environments (dev, prod); an identity must not be shared across environments"],
		["azure-identity-cross-environment", "shop-prod/azurerm_role_assignment.ra", "azurerm_role_assignment.ra gives principal D4E5F6A7-0000-0000-0000-000000000000 a role while it also holds roles in other environments (dev, prod); an identity must not be shared across environments"],
	} with input as failing_input
	count(rule.deny) == 0 with input as t.with_index([dev_rg, dev])
	group := object.union(shared, {"values": {"principal_type": "Group"}})
	count(rule.deny) == 0 with input as t.with_index([dev_rg, prod_rg, k.in_stack(group, "shop-dev"), k.in_stack(group, "shop-prod")])
}

# The dev assignment's principal from a resource elsewhere, or a variable without a value: the
# principal holding roles in prod could be it.
unknown_principal(refs, unlinked) := object.union(k.unknown(assignment({}, object.union({"scope": ["azurerm_resource_group.rg"]}, refs)), ["principal_id"]), {"unlinked": unlinked})

unknown_principal_msg := "azurerm_role_assignment.ra gives a principal unknown at plan time a role on a scope of environment dev; that it is not an identity of another environment (prod) cannot be verified"

test_principal_from_a_resource_elsewhere_cannot_be_verified if {
	dev := k.in_stack(unknown_principal({"principal_id": ["terraform_data.elsewhere"]}, []), "shop-dev")
	k.summary(rule.deny) == {["azure-identity-cross-environment", "shop-dev/azurerm_role_assignment.ra", unknown_principal_msg]} with input as t.with_index([dev_rg, prod_rg, dev, k.in_stack(shared, "shop-prod")])
}

test_unlinked_principal_cannot_be_verified if {
	dev := k.in_stack(unknown_principal({}, ["principal_id"]), "shop-dev")
	k.summary(rule.deny) == {["azure-identity-cross-environment", "shop-dev/azurerm_role_assignment.ra", unknown_principal_msg]} with input as t.with_index([dev_rg, prod_rg, dev, k.in_stack(shared, "shop-prod")])
}

test_unknown_principal_without_other_environments_passes if {
	dev := k.in_stack(unknown_principal({}, ["principal_id"]), "shop-dev")
	count(rule.deny) == 0 with input as t.with_index([dev_rg, dev])
}

test_unknown_principal_of_an_identity_here_is_attributed if {
	id := k.in_stack(k.az("azurerm_user_assigned_identity.app", {}, {}), "shop-dev")
	dev := k.in_stack(unknown_principal({"principal_id": ["azurerm_user_assigned_identity.app"]}, []), "shop-dev")
	count(rule.deny) == 0 with input as t.with_index([dev_rg, prod_rg, id, dev, k.in_stack(shared, "shop-prod")])
}
