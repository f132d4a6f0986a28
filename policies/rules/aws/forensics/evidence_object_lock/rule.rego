# METADATA
# title: Evidence bucket without compliance-mode Object Lock
# description: |
#   Evidence (tagged purpose = forensics) must be immutable to keep its chain of custody:
#   S3 Object Lock in COMPLIANCE mode (no one, not even root, can shorten it) with a default
#   retention of at least forensic_retention_days, from an
#   aws_s3_bucket_object_lock_configuration (linked or naming the bucket) or the legacy
#   inline object_lock_configuration block.
#   Unknowns: a mode or period unknown at plan time is not proven and is reported.
# custom:
#   id: aws-forensic-object-lock
#   control: forensic-readiness
#   cloud: aws
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.82 (breach notification without unreasonable delay)
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Incident response (evidence preservation)
#   remediation: |
#     Create the bucket with object_lock_enabled = true and add
#     aws_s3_bucket_object_lock_configuration { rule { default_retention { mode =
#     "COMPLIANCE", days = <forensic_retention_days> } } }.
#   construct: ForensicEvidenceBucket
#   example: |
#     resource "aws_s3_bucket" "evidence" {
#       bucket              = "shop-evidence"
#       object_lock_enabled = true
#       tags                = { purpose = "forensics" }
#     }
#
#     resource "aws_s3_bucket_object_lock_configuration" "evidence" {
#       bucket = aws_s3_bucket.evidence.id
#       rule {
#         default_retention {
#           mode = "COMPLIANCE"
#           days = 365 # at least forensic_retention_days
#         }
#       }
#     }
package leakguard.rules.aws.forensics.evidence_object_lock

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

min_days := config.settings.forensic_retention_days

# Default-retention blocks: standalone resources and the legacy inline configuration.
retentions(bucket) := array.concat(
	[b | some c in resources.s3_attached(bucket, "aws_s3_bucket_object_lock_configuration"); some b in resources.path_values(c.values, "rule.default_retention")],
	[b | some b in resources.path_values(bucket.values, "object_lock_configuration.rule.default_retention")],
)

days(b) := b.days if is_number(b.days)

days(b) := b.years * 365 if {
	not is_number(object.get(b, "days", null))
	is_number(b.years)
}

locked(b) if {
	b.mode == "COMPLIANCE"
	days(b) >= min_days
}

deny contains finding.new(rego.metadata.chain(), bucket, msg) if {
	some bucket in resources.of_type("aws_s3_bucket")
	resources.is_evidence(bucket)
	rs := [o | some b in retentions(bucket); some o in resources.objects(b)]
	not any_locked(rs)
	msg := message(bucket, rs)
}

any_locked(rs) if {
	some b in rs
	locked(b)
}

message(bucket, rs) := sprintf("Evidence bucket %s has no Object Lock default retention; evidence can be deleted or overwritten", [bucket.address]) if count(rs) == 0

message(bucket, rs) := sprintf("Evidence bucket %s Object Lock is not COMPLIANCE mode for at least %d days (%s)", [bucket.address, min_days, concat(", ", sort(found))]) if {
	count(rs) > 0
	found := {sprintf("%s %s", [object.get(b, "mode", "mode unknown"), period(b)]) | some b in rs}
}

period(b) := sprintf("%d days", [days(b)]) if days(b)

period(b) := "period unknown" if not days(b)
