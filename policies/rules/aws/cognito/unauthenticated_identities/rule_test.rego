package leakguard.rules.aws.cognito.unauthenticated_identities_test

import data.leakguard.rules.aws.cognito.unauthenticated_identities as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

id := "aws-cognito-unauthenticated-identities"

key := "test/aws_cognito_identity_pool.shoppers"

pool(values) := t.resource("aws_cognito_identity_pool.shoppers", object.union({"identity_pool_name": "shoppers"}, values), {})

failing_input := t.with_index([pool({"allow_unauthenticated_identities": true})])

open_msg := "Cognito identity pool aws_cognito_identity_pool.shoppers gives AWS credentials of its unauthenticated role to anyone who asks, without signing in (allow_unauthenticated_identities = true)"

test_guest_access_fails if {
	k.summary(rule.deny) == {[id, key, open_msg]} with input as failing_input
}

test_signed_in_only_passes if {
	count(rule.deny) == 0 with input as t.with_index([pool({})])
	count(rule.deny) == 0 with input as t.with_index([pool({"allow_unauthenticated_identities": false})])
	count(rule.deny) == 0 with input as t.with_index([pool({"allow_unauthenticated_identities": null})])
}

test_unknown_guest_access_fails_unverified if {
	msg := "Cognito identity pool aws_cognito_identity_pool.shoppers has an allow_unauthenticated_identities unknown at plan time; that it gives AWS credentials only to signed-in customers cannot be verified"
	from_resource := object.union(
		t.resource("aws_cognito_identity_pool.shoppers", {"identity_pool_name": "shoppers"}, {"allow_unauthenticated_identities": ["terraform_data.env"]}),
		{"unknown": ["allow_unauthenticated_identities"]},
	)
	k.summary(rule.deny) == {[id, key, msg]} with input as t.with_index([from_resource])
	k.summary(rule.deny) == {[id, key, msg]} with input as t.with_index([pool({"allow_unauthenticated_identities": "${var.guests}"})])
}
