package leakguard.rules.aws.forensics.ir_role_session_test

import data.leakguard.rules.aws.forensics.ir_role_session as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

role(values) := t.resource("aws_iam_role.ir", object.union({"name": "incident-response"}, values), {})

failing_input := t.with_index([role({"max_session_duration": 43200})])

test_long_session_fails if {
	k.summary(rule.deny) == {["aws-ir-role-session", "test/aws_iam_role.ir", "Incident-response role aws_iam_role.ir allows 43200-second sessions (maximum 3600)"]} with input as failing_input
}

test_default_and_short_pass if {
	count(rule.deny) == 0 with input as t.with_index([role({})])
	count(rule.deny) == 0 with input as t.with_index([role({"max_session_duration": 900})])
}

test_unknown_fails if {
	k.summary(rule.deny) == {["aws-ir-role-session", "test/aws_iam_role.ir", "Incident-response role aws_iam_role.ir has a session duration unknown at plan time"]} with input as t.with_index([k.unknown(role({}), ["max_session_duration"])])
}

# The role's name from another resource, or a variable without a value: it may be the
# incident-response role.
unnamed(values, refs, unlinked) := object.union(k.unknown(t.resource("aws_iam_role.ir", values, refs), ["name"]), {"unlinked": unlinked})

unknown_name_msg := "Role aws_iam_role.ir has a name unknown at plan time and allows 43200-second sessions (maximum 3600); that it is not the incident-response role cannot be verified"

test_unknown_name_cannot_be_verified if {
	k.summary(rule.deny) == {["aws-ir-role-session", "test/aws_iam_role.ir", unknown_name_msg]} with input as t.with_index([unnamed({"max_session_duration": 43200}, {"name": ["terraform_data.elsewhere"]}, [])])
	k.summary(rule.deny) == {["aws-ir-role-session", "test/aws_iam_role.ir", unknown_name_msg]} with input as t.with_index([unnamed({"max_session_duration": 43200}, {}, ["name"])])
}

test_unknown_name_with_short_sessions_passes if {
	count(rule.deny) == 0 with input as t.with_index([unnamed({}, {}, ["name"])])
}

test_generated_name_passes if {
	count(rule.deny) == 0 with input as t.with_index([k.unknown(t.resource("aws_iam_role.ir", {"name_prefix": "app-", "max_session_duration": 43200}, {}), ["name"])])
}

test_interpolated_name_is_judged_by_its_written_parts if {
	ir := t.resource("aws_iam_role.ir", {"name": "${var.env}-incident-response", "max_session_duration": 43200}, {})
	k.summary(rule.deny) == {["aws-ir-role-session", "test/aws_iam_role.ir", unknown_name_msg]} with input as t.with_index([ir])
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_iam_role.ir", {"name": "${var.env}-app", "max_session_duration": 43200}, {})])
}

test_unknown_name_and_duration_cannot_be_verified if {
	r := object.union(unnamed({}, {"max_session_duration": ["terraform_data.elsewhere"]}, ["name"]), {"unknown": ["max_session_duration", "name"]})
	k.summary(rule.deny) == {["aws-ir-role-session", "test/aws_iam_role.ir", "Role aws_iam_role.ir has a name and a session duration unknown at plan time; that it is not the incident-response role with a longer session cannot be verified"]} with input as t.with_index([r])
}
