package leakguard.rules.aws.cognito.deletion_protection_test

import data.leakguard.rules.aws.cognito.deletion_protection as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

id := "aws-cognito-deletion-protection"

key := "test/aws_cognito_user_pool.shoppers"

pool(values) := t.resource("aws_cognito_user_pool.shoppers", object.union({"name": "shoppers"}, values), {})

failing_input := t.with_index([pool({"deletion_protection": "INACTIVE"})])

open_msg := "Cognito user pool aws_cognito_user_pool.shoppers can be deleted with every customer account in it (deletion_protection INACTIVE); a user pool has no backup to restore them from"

test_unprotected_pool_fails if {
	k.summary(rule.deny) == {[id, key, open_msg]} with input as failing_input
	k.summary(rule.deny) == {[id, key, open_msg]} with input as t.with_index([pool({})])
	k.summary(rule.deny) == {[id, key, open_msg]} with input as t.with_index([pool({"deletion_protection": null})])
}

test_protected_pool_passes if {
	count(rule.deny) == 0 with input as t.with_index([pool({"deletion_protection": "ACTIVE"})])
}

test_unknown_protection_fails_unverified if {
	msg := "Cognito user pool aws_cognito_user_pool.shoppers has a deletion_protection unknown at plan time; that the customer accounts cannot be deleted with it cannot be verified"
	from_resource := object.union(
		t.resource("aws_cognito_user_pool.shoppers", {"name": "shoppers"}, {"deletion_protection": ["terraform_data.env"]}),
		{"unknown": ["deletion_protection"]},
	)
	k.summary(rule.deny) == {[id, key, msg]} with input as t.with_index([from_resource])
	k.summary(rule.deny) == {[id, key, msg]} with input as t.with_index([pool({"deletion_protection": "${var.protection}"})])
}
