# METADATA
# title: AWS Config recorder missing in a region in use
# description: |
#   Every region where the evaluated stacks create resources (regions resolved from each
#   resource's provider alias) needs an aws_config_configuration_recorder, or
#   configuration changes there (a bucket made public, a security group opened) go
#   unrecorded. A missing region is reported on its first resource.
#   Unknowns: resources whose region cannot be resolved do not add a region.
# custom:
#   id: aws-config-recorder-every-region
#   control: audit-logging-every-region
#   cloud: aws
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.82 (breach notification without unreasonable delay)
#   audit_component: Audit-log management; secure configuration of hardware and software
#   remediation: |
#     Add an aws_config_configuration_recorder (with delivery channel and enabled status)
#     using a provider for each region in use.
#   construct: RegionalBaseline
#   runbook:
#     exposure: Configuration changes in this region are not recorded, so an exposure made and undone there leaves no configuration history
#     preserve:
#       - do: Record that no recorder runs in the region
#         run: aws configservice describe-configuration-recorders --region {{region}}
#       - do: Export the region's management events for the window, the only record of changes there
#         run: aws cloudtrail lookup-events --region {{region}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Create the recorder for all supported resource types
#         run: aws configservice put-configuration-recorder --configuration-recorder name=default,roleARN={{fill.config-role-arn}} --recording-group allSupported=true --region {{region}}
#       - do: Give it a delivery channel to the central config bucket
#         run: aws configservice put-delivery-channel --delivery-channel name=default,s3BucketName={{fill.config-bucket}} --region {{region}}
#       - do: Start recording
#         run: aws configservice start-configuration-recorder --configuration-recorder-name default --region {{region}}
#     verify:
#       - do: The recorder reports recording true and a last status of SUCCESS
#         run: aws configservice describe-configuration-recorder-status --region {{region}}
#   example: |
#     # One recorder per region in use, each through that region's provider.
#     resource "aws_config_configuration_recorder" "eu_west_1" {
#       provider = aws.eu_west_1
#       name     = "default"
#       role_arn = aws_iam_role.config.arn
#     }
#
#     resource "aws_config_configuration_recorder_status" "eu_west_1" {
#       provider   = aws.eu_west_1
#       name       = aws_config_configuration_recorder.eu_west_1.name
#       is_enabled = true
#       depends_on = [aws_config_delivery_channel.eu_west_1]
#     }
package leakguard.rules.aws.config.recorder_every_region

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

recorded contains r.region if some r in resources.of_type("aws_config_configuration_recorder")

deny contains finding.new(rego.metadata.chain(), anchor, msg) if {
	some region in resources.regions_in_use("aws")
	not recorded[region]
	anchor := resources.region_anchor("aws", region)
	msg := sprintf("Region %s has resources (first: %s) but no AWS Config recorder", [region, anchor.address])
}
