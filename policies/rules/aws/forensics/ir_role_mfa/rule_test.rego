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
