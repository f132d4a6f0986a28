# METADATA
# title: EC2 instance metadata service reachable without a session token (IMDSv1)
# description: |
#   With IMDSv1 allowed, one server-side request forgery in an application on the instance
#   reads the instance role's temporary credentials from 169.254.169.254 without a token, and
#   those credentials read whatever customer data the role can (the pattern of the 2019
#   Capital One breach). aws_instance, aws_launch_template and aws_launch_configuration are
#   reported unless metadata_options.http_tokens = "required" or http_endpoint = "disabled".
#   An unset http_tokens is read as "optional" (the provider's default, and EC2's unless the
#   AMI is registered for IMDSv2 only, which the configuration does not show), unless the
#   input holds an aws_ec2_instance_metadata_defaults with http_tokens = "required" in the
#   same region (matched by the resources' resolved provider region; the tool cannot tell
#   accounts apart, so a default declared for another account in that region counts too). An
#   instance launched from a launch template and setting no tokens itself takes the
#   template's setting and is not reported when the input holds the template (judged on its
#   own) or reads it with tokens required (data.aws_launch_template); one launched from a
#   template the input does not hold (an existing template's id or name, a module's input)
#   cannot be verified and is reported.
#   Unknowns: an http_tokens configured but unknown at plan time is not proven and is
#   reported; one the provider computes because it is not configured reads as unset.
# custom:
#   id: aws-ec2-imdsv2-required
#   control: iam-least-privilege
#   cloud: aws
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Access controls and least privilege; secure configuration of hardware and software
#   remediation: |
#     Add metadata_options { http_tokens = "required" } to the instance, launch template or
#     launch configuration (keep http_put_response_hop_limit at 1, or 2 for containers), or
#     declare an aws_ec2_instance_metadata_defaults with http_tokens = "required" in every
#     region in use and leave http_tokens unset.
#   construct: InstanceMetadataDefaults
#   fix:
#     summary: Require IMDSv2 session tokens
#     edits:
#       - on: aws_instance
#         nested: metadata_options
#         set: { http_tokens: '"required"' }
#       - on: aws_launch_template
#         nested: metadata_options
#         set: { http_tokens: '"required"' }
#       - on: aws_launch_configuration
#         nested: metadata_options
#         set: { http_tokens: '"required"' }
#   runbook:
#     exposure: Any server-side request forgery in an application on the instance can fetch the instance role's temporary credentials from IMDSv1 without a token, and with them read whatever customer data the role can (for a launch template or launch configuration, every instance launched from it)
#     preserve:
#       - do: Record the instance's metadata options and instance profile as they are now
#         run: aws ec2 describe-instances --instance-ids {{values.id|fill.instance-id}} --region {{region}} --query "Reservations[].Instances[].[InstanceId,MetadataOptions,IamInstanceProfile]"
#       - do: Export the API calls made with the instance role's credentials in the exposure window (their sessions are named after the instance id; calls from addresses outside AWS mean the credentials were taken)
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=Username,AttributeValue={{values.id|fill.instance-id}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Require IMDSv2 session tokens on the running instance (at once; software still calling IMDSv1 without a token stops getting metadata)
#         run: aws ec2 modify-instance-metadata-options --instance-id {{values.id|fill.instance-id}} --http-tokens required --http-endpoint enabled --region {{region}}
#       - do: If the role's credentials may have been taken, revoke every session issued before now with an inline policy denying all actions to tokens issued earlier (running applications must fetch new credentials)
#         run: aws iam put-role-policy --role-name {{fill.role-name}} --policy-name AWSRevokeOlderSessions --policy-document file://revoke-older-sessions.json
#         destructive: true
#       - do: Make session tokens the region's default for instances launched later
#         run: aws ec2 modify-instance-metadata-defaults --http-tokens required --region {{region}}
#     verify:
#       - do: HttpTokens reads required on the instance
#         run: aws ec2 describe-instances --instance-ids {{values.id|fill.instance-id}} --region {{region}} --query "Reservations[].Instances[].MetadataOptions.HttpTokens"
#       - do: The region's default requires tokens
#         run: aws ec2 get-instance-metadata-defaults --region {{region}}
#   example: |
#     resource "aws_launch_template" "web" {
#       name_prefix   = "web-"
#       image_id      = "ami-0123456789abcdef0"
#       instance_type = "t3.micro"
#
#       metadata_options {
#         http_endpoint               = "enabled"
#         http_tokens                 = "required"
#         http_put_response_hop_limit = 1
#       }
#     }
package leakguard.rules.aws.ec2.imdsv2_required

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

kinds := {
	"aws_instance": "EC2 instance",
	"aws_launch_template": "Launch template",
	"aws_launch_configuration": "Launch configuration",
}

tokens_path := "metadata_options.http_tokens"

# Regions whose account-level default requires tokens.
required_regions contains resources.region_of(d) if {
	some d in resources.of_type("aws_ec2_instance_metadata_defaults")
	"required" in resources.values_at(d, "http_tokens")
}

# "unknown" (configured, not readable before apply), the literal value, or "unset".
tokens(r) := "unknown" if {
	resources.unresolved(r, tokens_path)
} else := v if {
	some v in resources.values_at(r, tokens_path)
	is_string(v)
} else := "unset"

endpoint_disabled(r) if "disabled" in resources.values_at(r, "metadata_options.http_endpoint")

# An instance launched from a launch template inherits the template's metadata options.
from_template(r) if {
	r.type == "aws_instance"
	some path in template_paths
	resources.configured(r, path)
}

template_paths := ["launch_template.id", "launch_template.name"]

template_refs := ["launch_template.id", "launch_template.name", "launch_template"]

# The template is in the input and judged on its own: linked, or a template of the input with
# the name the instance gives.
held_template(r) if {
	some path in template_refs
	some t in resources.linked_to(r, path)
	t.type == "aws_launch_template"
	t.mode == "managed"
} else if {
	some name in resources.values_at(r, "launch_template.name")
	some t in resources.of_type("aws_launch_template")
	some held in resources.values_at(t, "name")
	held == name
}

# A template the configuration reads (data.aws_launch_template) shows its metadata options.
read_template_requires_tokens(r) if {
	some path in template_refs
	some t in resources.linked_to(r, path)
	t.type == "aws_launch_template"
	t.mode == "data"
	"required" in resources.values_at(t, tokens_path)
}

template_named(r) := sprintf("%v", [v]) if {
	some path in template_paths
	some v in resources.values_at(r, path)
} else := "set from what the input cannot show"

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some t, kind in kinds
	some r in resources.of_type(t)
	not endpoint_disabled(r)
	msg := message(r, kind, tokens(r))
}

message(r, kind, "unknown") := sprintf("%s %s has metadata_options.http_tokens unknown at plan time; that IMDSv1 is off cannot be verified", [kind, r.address])

message(r, kind, "unset") := sprintf("%s %s allows IMDSv1: metadata_options.http_tokens is unset (optional by default) and no aws_ec2_instance_metadata_defaults in %s requires tokens", [kind, r.address, region]) if {
	not from_template(r)
	region := resources.region_of(r)
	not required_regions[region]
}

# A template the input does not hold (an existing one named by id or name, a module's input):
# the instance takes its settings, which nothing here shows (found by an audit: such instances
# passed with nothing reported).
message(r, kind, "unset") := sprintf("%s %s is launched from a launch template the input does not hold (%s), so that it requires IMDSv2 tokens cannot be verified", [kind, r.address, template_named(r)]) if {
	from_template(r)
	not held_template(r)
	not read_template_requires_tokens(r)
	region := resources.region_of(r)
	not required_regions[region]
}

message(r, kind, v) := sprintf("%s %s allows IMDSv1: metadata_options.http_tokens is %s, so any request forgery on the instance can read its role's credentials", [kind, r.address, resources.shown(v)]) if {
	not v in {"unknown", "unset", "required"}
}
