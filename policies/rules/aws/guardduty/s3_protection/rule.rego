# METADATA
# title: GuardDuty detector without S3 protection
# description: |
#   S3 protection analyses S3 data events for anomalous reads (exfiltration, access from
#   Tor or unusual principals). Each enabled detector needs datasources.s3_logs.enable =
#   true or an aws_guardduty_detector_feature S3_DATA_EVENTS with status ENABLED linked to
#   it.
#   Unknowns: a flag or status unknown at plan time is not proven and is reported.
# custom:
#   id: aws-guardduty-s3-protection
#   control: threat-detection
#   cloud: aws
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Network monitoring and defences; incident detection
#   remediation: |
#     Add aws_guardduty_detector_feature { detector_id = aws_guardduty_detector.x.id,
#     name = "S3_DATA_EVENTS", status = "ENABLED" }.
#   construct: RegionalBaseline
#   fix:
#     summary: Turn on S3 protection with an S3_DATA_EVENTS detector feature (added unless one of that address exists)
#     edits:
#       - create: |
#           resource "aws_guardduty_detector_feature" "{{name}}_s3_data_events" {
#             detector_id = {{ref}}.id
#             name        = "S3_DATA_EVENTS"
#             status      = "ENABLED"
#           }
#     cdktf:
#       option: "RegionalBaseline turns on GuardDuty S3 protection in every region of providers"
#       snippet: |
#         new RegionalBaseline(this, 'baseline', { providers: regionalProviders });
#   runbook:
#     exposure: GuardDuty does not analyse S3 data events, so bulk reads, exfiltration and access from unusual places to the buckets go unnoticed
#     preserve:
#       - do: Record the detector's features as they are now
#         run: aws guardduty get-detector --detector-id {{values.id|fill.detector-id}} --region {{region}}
#       - do: GuardDuty cannot look back; check that a trail records S3 data events and export them for the window from its log bucket
#         run: aws cloudtrail get-event-selectors --trail-name {{fill.trail-name}} --region {{region}}
#     contain:
#       - do: Turn on S3 protection
#         run: aws guardduty update-detector --detector-id {{values.id|fill.detector-id}} --features Name=S3_DATA_EVENTS,Status=ENABLED --region {{region}}
#     verify:
#       - do: S3_DATA_EVENTS reads ENABLED
#         run: aws guardduty get-detector --detector-id {{values.id|fill.detector-id}} --region {{region}} --query "Features[?Name=='S3_DATA_EVENTS'].Status"
#   example: |
#     resource "aws_guardduty_detector" "main" {
#       enable = true
#     }
#
#     resource "aws_guardduty_detector_feature" "s3" {
#       detector_id = aws_guardduty_detector.main.id
#       name        = "S3_DATA_EVENTS"
#       status      = "ENABLED"
#     }
package leakguard.rules.aws.guardduty.s3_protection

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

protected(d) if true in resources.values_at(d, "datasources.s3_logs.enable")

protected(d) if {
	some f in resources.linked_from(d, "aws_guardduty_detector_feature", "detector_id")
	f.values.name == "S3_DATA_EVENTS"
	f.values.status == "ENABLED"
}

deny contains finding.new(rego.metadata.chain(), d, msg) if {
	some d in resources.of_type("aws_guardduty_detector")
	object.get(d.values, "enable", true) != false
	not protected(d)
	msg := sprintf("GuardDuty detector %s does not have S3 protection (S3_DATA_EVENTS) enabled", [d.address])
}
