# METADATA
# title: AWS Config not recording in a region in use
# description: |
#   Every region where the evaluated stacks create resources (regions resolved from each
#   resource's provider alias) needs an aws_config_configuration_recorder that records
#   all supported resource types and is started by an aws_config_configuration_recorder_status
#   with is_enabled = true, or configuration changes there (a bucket made public, a
#   security group opened) go unrecorded. A missing region is reported on the region
#   (subject region:<cloud>:<region>); a recorder that does not record is reported on
#   itself. Resources whose region cannot be resolved form their own scope, "(region
#   unknown)". A region that holds a copy of a resource's data (a DynamoDB table's or a
#   secret's replica, an ECR replication destination) is in use; a copy whose region only
#   apply knows is in "(region unknown)".
#   Unknowns: is_enabled or the recording group unknown at plan time cannot be shown to
#   record and are reported.
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

status_type := "aws_config_configuration_recorder_status"

recorders := resources.of_type("aws_config_configuration_recorder")

recorded contains resources.region_of(r) if some r in recorders

# The status resources that start a recorder: linked through `name`, or naming it literally
# in the same region.
statuses(rec) := array.concat(resources.linked_from(rec, status_type, "name"), [s |
	some s in resources.of_type(status_type)
	resources.literal(s.values.name)
	s.values.name == object.get(rec.values, "name", "")
	resources.region_of(s) == resources.region_of(rec)
])

problems(rec) := {"no aws_config_configuration_recorder_status starts it"} if count(statuses(rec)) == 0

problems(rec) := {sprintf("%s has is_enabled = false", [s.address]) |
	some s in statuses(rec)
	object.get(s.values, "is_enabled", null) == false
} | {sprintf("%s has is_enabled unknown at plan time", [s.address]) |
	some s in statuses(rec)
	resources.unknown_at(s, "is_enabled")
} if count(statuses(rec)) > 0

# Not every supported resource type: all_supported = false, or a strategy other than
# ALL_SUPPORTED_RESOURCE_TYPES.
partial(rec) := {"records only selected resource types (recording_group.all_supported = false)"} if {
	resources.any_false(rec, "recording_group.all_supported")
} else := {sprintf("records only selected resource types (recording_strategy %s)", [s]) |
	some s in resources.values_at(rec, "recording_group.recording_strategy.use_only")
	s != "ALL_SUPPORTED_RESOURCE_TYPES"
} | {"has its recording group unknown at plan time" | resources.unknown_at(rec, "recording_group")}

deny contains finding.new(rego.metadata.chain(), anchor, msg) if {
	some region in resources.regions_in_use("aws")
	not recorded[region]
	anchor := resources.region_anchor("aws", region)
	msg := sprintf("Region %s has AWS resources but no AWS Config recorder", [region])
}

deny contains finding.new(rego.metadata.chain(), rec, msg) if {
	some rec in recorders
	reasons := problems(rec) | partial(rec)
	count(reasons) > 0
	msg := sprintf("AWS Config recorder %s in %s is not recording: %s", [rec.address, resources.region_of(rec), concat("; ", sort(reasons))])
}
