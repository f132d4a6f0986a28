# METADATA
# title: GuardDuty not enabled in a region in use
# description: |
#   Every region where the evaluated stacks create resources needs an enabled
#   aws_guardduty_detector; without it credential misuse and data exfiltration from S3 go
#   undetected there. A missing region is reported on the region (subject region:<cloud>:<region>).
#   Resources whose region cannot be resolved form their own scope, "(region unknown)",
#   which needs a detector whose region is unresolved too. A region that holds a copy of a
#   resource's data (a DynamoDB table's or a secret's replica, an ECR replication
#   destination) is in use; a copy whose region only apply knows is in "(region unknown)".
#   Unknowns: a detector whose enable flag is unknown at plan time is not counted.
# custom:
#   id: aws-guardduty-every-region
#   control: threat-detection
#   cloud: aws
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.82 (breach notification without unreasonable delay)
#   audit_component: Network monitoring and defences; incident detection
#   remediation: |
#     Add aws_guardduty_detector { enable = true } with a provider for each region in use.
#   construct: RegionalBaseline
#   runbook:
#     exposure: Threats against resources in this region (credential misuse, S3 data exfiltration) are not detected
#     preserve:
#       - do: Record which detectors exist in the region
#         run: aws guardduty list-detectors --region {{region}}
#       - do: Export the region's management events for the window, the only record while no detector ran
#         run: aws cloudtrail lookup-events --region {{region}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Turn on a detector with S3 protection in the region
#         run: aws guardduty create-detector --enable --features Name=S3_DATA_EVENTS,Status=ENABLED --region {{region}}
#     verify:
#       - do: A detector is listed and its status is ENABLED
#         run: aws guardduty list-detectors --region {{region}}
#   example: |
#     # One enabled detector in every region in use, each through that region's provider.
#     resource "aws_guardduty_detector" "us_east_1" {
#       enable = true
#     }
#
#     provider "aws" {
#       alias  = "eu_west_1"
#       region = "eu-west-1"
#     }
#
#     resource "aws_guardduty_detector" "eu_west_1" {
#       provider = aws.eu_west_1
#       enable   = true
#     }
package leakguard.rules.aws.guardduty.detector_every_region

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

enabled(d) if {
	object.get(d.values, "enable", true) == true
	not resources.unknown_at(d, "enable")
}

covered contains resources.region_of(d) if {
	some d in resources.of_type("aws_guardduty_detector")
	enabled(d)
}

deny contains finding.new(rego.metadata.chain(), anchor, msg) if {
	some region in resources.regions_in_use("aws")
	not covered[region]
	anchor := resources.region_anchor("aws", region)
	msg := sprintf("Region %s has AWS resources but no enabled GuardDuty detector", [region])
}
