# METADATA
# title: EFS file system accepts clients that do not use TLS
# description: |
#   EFS encrypts NFS traffic only for clients that mount with TLS (the EFS mount helper's
#   `-o tls`); nothing on the file system refuses a plain mount unless its file system policy
#   denies every principal when aws:SecureTransport is false. Without that statement files
#   holding customer data can cross the network in plain text. A policy not linked to a
#   file system in the input is checked on its own.
#   Unknowns: a policy not readable before apply is reported.
# custom:
#   id: aws-efs-tls
#   control: storage-encryption
#   cloud: aws
#   severity: high
#   data_stores:
#     check: encryption-in-transit
#     types: [aws_efs_file_system]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information (in transit)
#   remediation: |
#     Add an aws_efs_file_system_policy with a statement that Denies "*" (or at least
#     elasticfilesystem:ClientMount) to Principal {"AWS": "*"} when aws:SecureTransport is
#     "false", and mount with the EFS mount helper's tls option.
#   construct: EncryptedFileSystem
#   example: |
#     resource "aws_efs_file_system_policy" "uploads" {
#       file_system_id = "fs-0123456789abcdef0"
#       policy = jsonencode({
#         Version = "2012-10-17"
#         Statement = [{
#           Sid = "DenyWithoutTls", Effect = "Deny", Principal = { AWS = "*" }, Action = "*"
#           Resource  = "arn:aws:elasticfilesystem:us-west-2:111122223333:file-system/fs-0123456789abcdef0"
#           Condition = { Bool = { "aws:SecureTransport" = "false" } }
#         }]
#       })
#     }
package leakguard.rules.aws.efs.tls

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

policy_type := "aws_efs_file_system_policy"

# Mounting needs elasticfilesystem:ClientMount, so denying it without TLS refuses every
# plain-text client (a deny of "*" or elasticfilesystem:* covers it).
enforced(doc) if {
	some s in doc.statements
	resources.denies_insecure_transport(s, "elasticfilesystem:clientmount")
}

deny contains finding.new(rego.metadata.chain(), fs, msg) if {
	some fs in resources.of_type("aws_efs_file_system")
	docs := [resources.policy(p, "policy") | some p in resources.linked_from(fs, policy_type, "file_system_id")]
	not any_enforced(docs)
	msg := message(fs, docs)
}

any_enforced(docs) if {
	some doc in docs
	enforced(doc)
}

message(fs, docs) := sprintf("EFS file system %s has a file system policy that cannot be read before apply; it cannot be shown to refuse clients without TLS", [fs.address]) if {
	some doc in docs
	doc.status == "unknown"
}

message(fs, docs) := sprintf("EFS file system %s has no file system policy denying clients where aws:SecureTransport is false; NFS traffic can be mounted in plain text", [fs.address]) if {
	every doc in docs {
		doc.status != "unknown"
	}
}

# A policy whose file system is not in the input is checked on its own.
deny contains finding.new(rego.metadata.chain(), p, msg) if {
	some p in resources.of_type(policy_type)
	count(resources.linked_to(p, "file_system_id")) == 0
	doc := resources.policy(p, "policy")
	not enforced(doc)
	msg := guard_message(p, doc)
}

guard_message(p, doc) := sprintf("EFS file system policy %s cannot be read before apply; it cannot be shown to refuse clients without TLS", [p.address]) if doc.status == "unknown"

guard_message(p, doc) := sprintf("EFS file system policy %s has no statement denying clients where aws:SecureTransport is false", [p.address]) if doc.status != "unknown"
