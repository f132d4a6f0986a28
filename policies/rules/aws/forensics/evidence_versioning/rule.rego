# METADATA
# title: Evidence bucket without versioning
# description: |
#   Versioning keeps every version of an evidence object so an overwrite cannot silently
#   replace it (and Object Lock requires it). The evidence bucket (tag purpose = forensics)
#   needs aws_s3_bucket_versioning with status Enabled (linked or naming the bucket) or the
#   legacy inline versioning { enabled = true }.
#   Unknowns: a status unknown at plan time is not proven and is reported.
# custom:
#   id: aws-forensic-versioning
#   control: forensic-readiness
#   cloud: aws
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.82 (breach notification without unreasonable delay)
#   audit_component: Incident response (evidence preservation)
#   remediation: |
#     Add aws_s3_bucket_versioning { versioning_configuration { status = "Enabled" } }.
#   construct: ForensicEvidenceBucket
#   fix:
#     summary: Turn on versioning of the evidence bucket (an aws_s3_bucket_versioning linked by reference when none exists)
#     edits:
#       - linked: { type: aws_s3_bucket_versioning, via: bucket }
#         nested: versioning_configuration
#         set: { status: '"Enabled"' }
#         create: |
#           resource "aws_s3_bucket_versioning" "{{name}}" {
#             bucket = {{ref}}.id
#             versioning_configuration {
#               status = "Enabled"
#             }
#           }
#     cdktf:
#       option: "ForensicEvidenceBucket always versions its objects (with Object Lock)"
#       snippet: |
#         new ForensicEvidenceBucket(this, 'evidence', { incidentResponseRole: irRole, name: 'shop-evidence' });
#   example: |
#     resource "aws_s3_bucket" "evidence" {
#       bucket = "shop-evidence"
#       tags   = { purpose = "forensics" }
#     }
#
#     resource "aws_s3_bucket_versioning" "evidence" {
#       bucket = aws_s3_bucket.evidence.id
#       versioning_configuration {
#         status = "Enabled"
#       }
#     }
package leakguard.rules.aws.forensics.evidence_versioning

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

versioned(bucket) if resources.s3_versioning(bucket) == "on"

deny contains finding.new(rego.metadata.chain(), bucket, msg) if {
	some bucket in resources.of_type("aws_s3_bucket")
	resources.is_evidence(bucket)
	not versioned(bucket)
	msg := sprintf("Evidence bucket %s does not have versioning enabled", [bucket.address])
}
