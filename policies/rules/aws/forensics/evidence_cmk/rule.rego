# METADATA
# title: Evidence bucket not encrypted with a customer-managed key
# description: |
#   Evidence holds the most sensitive copies of customer data; its key must be a
#   customer-managed KMS key whose policy can restrict use to the incident-response role.
#   The evidence bucket (tag purpose = forensics) needs SSE-KMS with a CMK (standalone
#   encryption configuration or legacy inline block).
#   Unknowns: a key id set by reference to a KMS key (or alias) this configuration creates
#   counts as a customer-managed key. A key id set but unknown at plan time otherwise (from
#   another resource or a data source, a variable without a value, a plan's local) could be
#   the AWS-managed alias/aws/s3 and is reported: that the key is customer-managed cannot be
#   verified.
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

deny contains finding.new(rego.metadata.chain(), bucket, msg) if {
	some bucket in resources.of_type("aws_s3_bucket")
	resources.is_evidence(bucket)
	resources.s3_encrypted_with_cmk(bucket)
	not cmk_shown(bucket)
	msg := sprintf("Evidence bucket %s has a KMS key unknown at plan time; that it is customer-managed cannot be verified", [bucket.address])
}

# Resources whose id or ARN is a customer-managed key: created here, never AWS-managed.
key_types := {"aws_kms_key", "aws_kms_replica_key", "aws_kms_external_key", "aws_kms_replica_external_key", "aws_kms_alias"}

# Encrypted under a key that is a literal customer-managed one or a key resource of this
# configuration (what s3_encrypted_with_cmk reads, a reference counting only to such a key).
cmk_shown(bucket) if {
	some cfg in resources.s3_encryption_configs(bucket)
	resources.s3_sse_kms(cfg)
	key_shown(cfg)
}

key_shown(cfg) if {
	some id in resources.step(cfg.defaults, "kms_master_key_id")
	resources.literal(id)
}

key_shown(cfg) if {
	some key in object.get(cfg.r.references, resources.s3_config_path(cfg, "apply_server_side_encryption_by_default.kms_master_key_id"), [])
	k := input.resources[key]
	k.mode == "managed"
	k.type in key_types
}
