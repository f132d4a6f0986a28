# METADATA
# title: Evidence bucket not encrypted with a customer-managed key
# description: |
#   Evidence holds the most sensitive copies of customer data; its key must be a
#   customer-managed KMS key whose policy can restrict use to the incident-response role.
#   The evidence bucket (tag purpose = forensics) needs SSE-KMS with a CMK (standalone
#   encryption configuration or legacy inline block).
#   Unknowns: a key id unknown at plan time but set by reference counts as set.
# custom:
#   id: aws-forensic-evidence-cmk
#   control: forensic-readiness
#   cloud: aws
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Incident response (evidence preservation); encryption of personal information
#   remediation: |
#     Encrypt the evidence bucket with SSE-KMS under a dedicated CMK usable only by the
#     incident-response role.
#   construct: ForensicEvidenceBucket
#   example: |
#     resource "aws_kms_key" "evidence" {
#       enable_key_rotation = true # key policy: incident-response role only
#     }
#
#     resource "aws_s3_bucket" "evidence" {
#       bucket = "shop-evidence"
#       tags   = { purpose = "forensics" }
#     }
#
#     resource "aws_s3_bucket_server_side_encryption_configuration" "evidence" {
#       bucket = aws_s3_bucket.evidence.id
#       rule {
#         apply_server_side_encryption_by_default {
#           sse_algorithm     = "aws:kms"
#           kms_master_key_id = aws_kms_key.evidence.arn
#         }
#         bucket_key_enabled = true
#       }
#     }
package leakguard.rules.aws.forensics.evidence_cmk

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

deny contains finding.new(rego.metadata.chain(), bucket, msg) if {
	some bucket in resources.of_type("aws_s3_bucket")
	resources.is_evidence(bucket)
	not resources.s3_encrypted_with_cmk(bucket)
	msg := sprintf("Evidence bucket %s is not encrypted with a customer-managed KMS key", [bucket.address])
}
