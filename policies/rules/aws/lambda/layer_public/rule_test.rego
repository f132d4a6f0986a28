package leakguard.rules.aws.lambda.layer_public_test

import data.leakguard.rules.aws.lambda.layer_public as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

permission(values) := t.resource(
	"aws_lambda_layer_version_permission.share", object.union(
		{
			"layer_name": "arn:aws:lambda:us-west-2:111122223333:layer:shop-common",
			"version_number": 3,
			"statement_id": "share",
			"action": "lambda:GetLayerVersion",
		},
		values,
	),
	{},
)

failing_input := t.with_index([permission({"principal": "*"})])

test_public_layer_fails if {
	k.summary(rule.deny) == {["aws-lambda-layer-public", "test/aws_lambda_layer_version_permission.share", "aws_lambda_layer_version_permission.share shares layer arn:aws:lambda:us-west-2:111122223333:layer:shop-common version 3 with every AWS account (principal \"*\" without organization_id)"]} with input as failing_input
}

test_layer_by_reference_is_named_as_such if {
	p := t.resource("aws_lambda_layer_version_permission.share", {"layer_name": "${aws_lambda_layer_version.common.layer_arn}", "version_number": "${aws_lambda_layer_version.common.version}", "statement_id": "share", "action": "lambda:GetLayerVersion", "principal": "*"}, {"layer_name": ["aws_lambda_layer_version.common"]})
	k.summary(rule.deny) == {["aws-lambda-layer-public", "test/aws_lambda_layer_version_permission.share", "aws_lambda_layer_version_permission.share shares the layer version it names with every AWS account (principal \"*\" without organization_id)"]} with input as t.with_index([p])
}

test_unknown_principal_fails if {
	k.summary(rule.deny) == {["aws-lambda-layer-public", "test/aws_lambda_layer_version_permission.share", "aws_lambda_layer_version_permission.share has a principal not readable before apply and no organization_id; layer arn:aws:lambda:us-west-2:111122223333:layer:shop-common version 3 cannot be shown not to be shared with every AWS account"]} with input as t.with_index([permission({"principal": "${var.principal}"})])
}

test_organization_and_accounts_pass if {
	count(rule.deny) == 0 with input as t.with_index([permission({"principal": "*", "organization_id": "o-abcdef1234"})])
	count(rule.deny) == 0 with input as t.with_index([permission({"principal": "*", "organization_id": "${data.aws_organizations_organization.this.id}"})])
	count(rule.deny) == 0 with input as t.with_index([permission({"principal": "*", "organization_id": "${var.org}"})])
	count(rule.deny) == 0 with input as t.with_index([permission({"principal": "444455556666"})])
	count(rule.deny) == 0 with input as t.with_index([permission({"principal": "${var.principal}", "organization_id": "o-abcdef1234"})])
}

# The own account, read by aws_caller_identity: unknown in HCL, never "*".
test_principal_from_caller_identity_passes if {
	me := k.data_source("aws_caller_identity.current", {})
	p := t.resource("aws_lambda_layer_version_permission.own", {"layer_name": "shared", "version_number": 1, "principal": "${data.aws_caller_identity.current.account_id}", "action": "lambda:GetLayerVersion", "statement_id": "own"}, {"principal": ["data.aws_caller_identity.current"]})
	count(rule.deny) == 0 with input as t.with_index([me, k.unknown(p, ["principal"])])
}
