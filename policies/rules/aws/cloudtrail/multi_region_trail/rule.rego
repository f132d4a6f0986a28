# METADATA
# title: No multi-region, validated, encrypted CloudTrail trail
# description: |
#   Across all stacks evaluated together, some aws_cloudtrail must log every region
#   (is_multi_region_trail), global service events, with log-file validation (tamper
#   evidence) and a KMS key; otherwise API activity in a region nobody watches leaves no
#   trail for breach investigation. When trails exist but none qualifies, each trail is
#   reported with what it lacks; when there is none, the AWS estate (subject estate:aws) is.
#   Unknowns: flags unknown at plan time are not proven and are listed as missing; a KMS
#   key unknown at plan time but set by reference counts as set.
# custom:
#   id: aws-cloudtrail-multi-region
#   control: audit-logging-every-region
#   cloud: aws
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.82 (breach notification without unreasonable delay)
#   audit_component: Audit-log management
#   remediation: |
#     Add one aws_cloudtrail with is_multi_region_trail = true,
#     include_global_service_events = true, enable_log_file_validation = true and
#     kms_key_id = a CMK.
#   construct: RegionalBaseline
#   runbook:
#     exposure: API activity in regions the trail does not cover is not recorded, so an intrusion there leaves no audit trail
#     preserve:
#       - do: Save the trails as they are now
#         run: aws cloudtrail describe-trails --region {{region}}
#       - do: Record whether the trail is logging and since when
#         run: aws cloudtrail get-trail-status --name {{values.name}} --region {{region}}
#       - do: Export the 90-day event history of each uncovered region for the window (repeat with --region)
#         run: aws cloudtrail lookup-events --region {{fill.uncovered-region}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Make the trail multi-region with global events and log-file validation
#         run: aws cloudtrail update-trail --name {{values.name}} --is-multi-region-trail --include-global-service-events --enable-log-file-validation --region {{region}}
#       - do: Make sure it is logging
#         run: aws cloudtrail start-logging --name {{values.name}} --region {{region}}
#     verify:
#       - do: IsMultiRegionTrail and LogFileValidationEnabled read true, IsLogging true
#         run: aws cloudtrail get-trail-status --name {{values.name}} --region {{region}}
#   example: |
#     resource "aws_cloudtrail" "main" {
#       name                          = "shop-trail"
#       s3_bucket_name                = aws_s3_bucket.trail.id
#       is_multi_region_trail         = true
#       include_global_service_events = true
#       enable_log_file_validation    = true
#       enable_logging                = true
#       kms_key_id                    = aws_kms_key.trail.arn
#     }
package leakguard.rules.aws.cloudtrail.multi_region_trail

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

trails := resources.of_type("aws_cloudtrail")

checks := [
	["multi-region", "is_multi_region_trail"],
	["log-file validation", "enable_log_file_validation"],
	["KMS encryption", "kms_key_id"],
	["global service events", "include_global_service_events"],
	["logging enabled", "enable_logging"],
]

missing(t) := [what |
	some [what, attr] in checks
	not passes(t, attr)
]

passes(t, "kms_key_id") if resources.is_set(t, "kms_key_id")

passes(t, attr) if {
	attr in {"is_multi_region_trail", "enable_log_file_validation"}
	t.values[attr] == true
}

# Default true when not set.
passes(t, attr) if {
	attr in {"include_global_service_events", "enable_logging"}
	object.get(t.values, attr, true) == true
	not resources.unknown_at(t, attr)
}

compliant if {
	some t in trails
	count(missing(t)) == 0
}

deny contains finding.new(rego.metadata.chain(), t, msg) if {
	not compliant
	some t in trails
	msg := sprintf("CloudTrail %s lacks %s, and no other trail is multi-region with validation and KMS", [t.address, concat(", ", missing(t))])
}

deny contains finding.new(rego.metadata.chain(), resources.estate_subject("aws"), msg) if {
	count(trails) == 0
	msg := "No CloudTrail trail in the evaluated stacks; AWS API activity is not recorded"
}
