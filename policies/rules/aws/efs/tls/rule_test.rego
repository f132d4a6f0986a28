package leakguard.rules.aws.efs.tls_test

import data.leakguard.rules.aws.efs.tls as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

fs := t.resource("aws_efs_file_system.uploads", {"creation_token": "uploads", "encrypted": true}, {})

tls_only := json.marshal({"Version": "2012-10-17", "Statement": [{
	"Sid": "DenyWithoutTls", "Effect": "Deny", "Principal": {"AWS": "*"}, "Action": "*", "Resource": "*",
	"Condition": {"Bool": {"aws:SecureTransport": "false"}},
}]})

# Denies only writes without TLS: reads still cross in plain text.
writes_only := json.marshal({"Version": "2012-10-17", "Statement": [{
	"Effect": "Deny", "Principal": "*", "Action": "elasticfilesystem:ClientWrite", "Resource": "*",
	"Condition": {"Bool": {"aws:SecureTransport": "false"}},
}]})

policy(doc) := t.resource("aws_efs_file_system_policy.uploads", {"file_system_id": "${aws_efs_file_system.uploads.id}", "policy": doc}, {"file_system_id": ["aws_efs_file_system.uploads"]})

failing_input := t.with_index([fs])

test_no_policy_fails if {
	k.summary(rule.deny) == {["aws-efs-tls", "test/aws_efs_file_system.uploads", "EFS file system aws_efs_file_system.uploads has no file system policy denying clients where aws:SecureTransport is false; NFS traffic can be mounted in plain text"]} with input as failing_input
}

test_tls_only_policy_passes if {
	count(rule.deny) == 0 with input as t.with_index([fs, policy(tls_only)])
	mount := json.marshal({"Statement": [{"Effect": "Deny", "Principal": {"AWS": "*"}, "Action": ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]})
	count(rule.deny) == 0 with input as t.with_index([fs, policy(mount)])
}

test_partial_or_allow_only_policy_fails if {
	k.summary(rule.deny) == {["aws-efs-tls", "test/aws_efs_file_system.uploads", "EFS file system aws_efs_file_system.uploads has no file system policy denying clients where aws:SecureTransport is false; NFS traffic can be mounted in plain text"]} with input as t.with_index([fs, policy(writes_only)])
	allow := json.marshal({"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "elasticfilesystem:ClientMount", "Resource": "*"}]})
	count(rule.deny) == 1 with input as t.with_index([fs, policy(allow)])
}

test_unknown_policy_fails if {
	k.summary(rule.deny) == {["aws-efs-tls", "test/aws_efs_file_system.uploads", "EFS file system aws_efs_file_system.uploads has a file system policy that cannot be read before apply; it cannot be shown to refuse clients without TLS"]} with input as t.with_index([fs, policy("${jsonencode(var.p)}")])
}

test_lone_policy_is_checked_on_its_own if {
	lone := t.resource("aws_efs_file_system_policy.legacy", {"file_system_id": "fs-0123", "policy": writes_only}, {})
	k.summary(rule.deny) == {["aws-efs-tls", "test/aws_efs_file_system_policy.legacy", "EFS file system policy aws_efs_file_system_policy.legacy has no statement denying clients where aws:SecureTransport is false"]} with input as t.with_index([lone])
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_efs_file_system_policy.legacy", {"file_system_id": "fs-0123", "policy": tls_only}, {})])
}
