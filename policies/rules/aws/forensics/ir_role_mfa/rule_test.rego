package leakguard.rules.aws.forensics.ir_role_mfa_test

import data.leakguard.rules.aws.forensics.ir_role_mfa as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

role(name, condition) := t.resource("aws_iam_role.ir", {"name": name, "assume_role_policy": json.marshal({"Statement": [object.union({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:role/security-oncall"}, "Action": "sts:AssumeRole"}, condition)]})}, {})

failing_input := t.with_index([role("incident-response", {})])

test_no_mfa_fails if {
	k.summary(rule.deny) == {["aws-ir-role-mfa", "test/aws_iam_role.ir", "Incident-response role aws_iam_role.ir can be assumed without MFA"]} with input as failing_input
}

test_mfa_conditions_pass if {
	count(rule.deny) == 0 with input as t.with_index([role("incident-response", {"Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}})])
	count(rule.deny) == 0 with input as t.with_index([role("incident-response", {"Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}}})])
}

test_other_roles_are_not_checked if {
	count(rule.deny) == 0 with input as t.with_index([role("app", {})])
}

# The role's name from another resource, or a variable without a value: it may be the
# incident-response role.
nameless(condition) := t.resource("aws_iam_role.ir", {"assume_role_policy": role("x", condition).values.assume_role_policy}, {})

unnamed(condition, refs, unlinked) := object.union(k.unknown(nameless(condition), ["name"]), {"references": refs, "unlinked": unlinked})

unknown_name_msg := "Role aws_iam_role.ir has a name unknown at plan time and can be assumed without MFA; that it is not the incident-response role cannot be verified"

test_unknown_name_cannot_be_verified if {
	k.summary(rule.deny) == {["aws-ir-role-mfa", "test/aws_iam_role.ir", unknown_name_msg]} with input as t.with_index([unnamed({}, {"name": ["test/terraform_data.elsewhere"]}, [])])
	k.summary(rule.deny) == {["aws-ir-role-mfa", "test/aws_iam_role.ir", unknown_name_msg]} with input as t.with_index([unnamed({}, {}, ["name"])])
}

test_unknown_name_with_mfa_passes if {
	count(rule.deny) == 0 with input as t.with_index([unnamed({"Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}, {}, ["name"])])
}

test_generated_name_passes if {
	count(rule.deny) == 0 with input as t.with_index([k.unknown(nameless({}), ["name"])])
}

test_interpolated_name_is_judged_by_its_written_parts if {
	count(rule.deny) == 1 with input as t.with_index([role("${var.env}-incident-response", {})])
	count(rule.deny) == 0 with input as t.with_index([role("${var.env}-app", {})])
}
