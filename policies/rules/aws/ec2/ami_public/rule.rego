# METADATA
# title: AMI shared publicly
# description: |
#   An AMI holds snapshots of every disk of the instance it was made from: code, configuration,
#   and all too often the credentials and customer data left on it. aws_ami_launch_permission
#   with group "all" makes the image public: every AWS account can launch it, copy it and read
#   its snapshots. aws_ec2_image_block_public_access with state "unblocked" lets anyone in the
#   account make AMIs public in that region. Sharing with an account (account_id), an
#   organization or an OU is a deliberate grant to named accounts and is not reported here.
#   The hashicorp/aws 5.x aws_ami takes no launch-permission argument (its `public` is
#   computed), so the permission resource is where an image is opened.
#   Unknowns: a group not readable before apply cannot be shown not to be "all" and is
#   reported; a state not readable before apply is reported.
# custom:
#   id: aws-ec2-ami-public
#   control: public-storage
#   cloud: aws
#   severity: critical
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Access controls; secure configuration of hardware and software
#   remediation: |
#     Share images with the accounts, organization or OU that launch them (account_id,
#     organization_arn, organizational_unit_arn), never group "all", and set
#     aws_ec2_image_block_public_access to "block-new-sharing" in every region.
#   construct: SharedImage
#   runbook:
#     exposure: Every AWS account can launch the image and read the snapshots behind it, with whatever code, credentials or data they hold
#     preserve:
#       - do: Record who may launch the image now
#         run: aws ec2 describe-image-attribute --image-id {{values.image_id|via.image_id.id|fill.image-id}} --attribute launchPermission --region {{region}}
#       - do: Look up who made the image public, and when, in the exposure window
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=EventName,AttributeValue=ModifyImageAttribute --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Make the image private again (copies others already made are outside your control; rotate every credential the image held)
#         run: aws ec2 modify-image-attribute --image-id {{values.image_id|via.image_id.id|fill.image-id}} --launch-permission "Remove=[{Group=all}]" --region {{region}}
#       - do: Refuse public sharing of new images in the region from now on
#         run: aws ec2 enable-image-block-public-access --image-block-public-access-state block-new-sharing --region {{region}}
#     verify:
#       - do: The image is no longer public (Public false in its description)
#         run: aws ec2 describe-images --image-ids {{values.image_id|via.image_id.id|fill.image-id}} --region {{region}}
#   example: |
#     resource "aws_ec2_image_block_public_access" "this" {
#       state = "block-new-sharing"
#     }
#
#     resource "aws_ami_launch_permission" "workloads" {
#       image_id         = "ami-0123456789abcdef0"
#       organization_arn = "arn:aws:organizations::111122223333:organization/o-abcdef1234"
#     }
package leakguard.rules.aws.ec2.ami_public

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

deny contains finding.new(rego.metadata.chain(), p, msg) if {
	some p in resources.of_type("aws_ami_launch_permission")
	msg := group_message(p, lower(stores.text(p, "group")))
}

group_message(p, "all") := sprintf("%s makes %s public (group all): every AWS account can launch it and read its snapshots", [p.address, image_of(p)])

group_message(p, "unknown") := sprintf("%s has a group not readable before apply; %s cannot be shown not to be public", [p.address, image_of(p)])

deny contains finding.new(rego.metadata.chain(), b, msg) if {
	some b in resources.of_type("aws_ec2_image_block_public_access")
	msg := block_message(b, stores.text(b, "state"))
}

block_message(b, "unblocked") := sprintf("%s lets anyone in the account make AMIs public in %s (state unblocked)", [b.address, resources.region_text(b)])

block_message(b, "unknown") := sprintf("%s has a state not readable before apply; public sharing of AMIs in %s cannot be shown blocked", [b.address, resources.region_text(b)])

image_of(p) := sprintf("AMI %s", [p.values.image_id]) if resources.literal(p.values.image_id)

else := "the AMI it names"
