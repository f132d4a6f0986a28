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
