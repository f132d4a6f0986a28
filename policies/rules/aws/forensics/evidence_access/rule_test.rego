package leakguard.rules.aws.forensics.evidence_access_test

import data.leakguard.rules.aws.forensics.evidence_access as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

bucket := k.tagged(t.resource("aws_s3_bucket.evidence", {"bucket": "shop-evidence"}, {}), {"purpose": "forensics"})

ir := t.resource("aws_iam_role.ir", {"name": "shop-prod-incident-response"}, {})

policy(statements, refs) := t.resource("aws_s3_bucket_policy.evidence", {"policy": json.marshal({"Statement": statements})}, object.union({"bucket": ["aws_s3_bucket.evidence"]}, refs))

deny_others(arn) := {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"ArnNotEquals": {"aws:PrincipalArn": arn}}}

failing_input := t.with_index([bucket, ir, policy([{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:role/incident-response"}, "Action": "s3:GetObject", "Resource": "*"}], {})])

test_allow_only_policy_fails if {
	k.summary(rule.deny) == {["aws-forensic-evidence-access", "test/aws_s3_bucket.evidence", "Evidence bucket aws_s3_bucket.evidence policy does not deny access to everyone but the incident-response role (*incident-response*)"]} with input as failing_input
}

test_deny_all_but_ir_arn_passes if {
	count(rule.deny) == 0 with input as t.with_index([bucket, policy([deny_others("arn:aws:iam::111111111111:role/incident-response")], {})])
}

test_deny_all_but_ir_reference_passes if {
	p := policy([deny_others("${aws_iam_role.ir.arn}")], {"policy": ["aws_iam_role.ir"]})
	count(rule.deny) == 0 with input as t.with_index([bucket, ir, p])
}

test_deny_all_but_other_role_fails if {
	count(rule.deny) == 1 with input as t.with_index([bucket, policy([deny_others("arn:aws:iam::111111111111:role/admin")], {})])
}

test_not_principal_passes if {
	s := {"Effect": "Deny", "NotPrincipal": {"AWS": ["arn:aws:iam::111111111111:role/incident-response"]}, "Action": "s3:*", "Resource": "*"}
	count(rule.deny) == 0 with input as t.with_index([bucket, policy([s], {})])
}

test_unknown_policy_fails if {
	p := k.unknown(t.resource("aws_s3_bucket_policy.evidence", {}, {"bucket": ["aws_s3_bucket.evidence"], "policy": ["aws_iam_role.ir"]}), ["policy"])
	k.summary(rule.deny) == {["aws-forensic-evidence-access", "test/aws_s3_bucket.evidence", "Evidence bucket aws_s3_bucket.evidence has a bucket policy that cannot be read before apply; access cannot be shown limited to the incident-response role"]} with input as t.with_index([bucket, ir, p])
}
