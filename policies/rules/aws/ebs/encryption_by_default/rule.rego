# METADATA
# title: EBS encryption by default turned off, or missing where volumes are created
# description: |
#   aws_ebs_encryption_by_default with enabled = false lets every volume, and every copy of
#   an unencrypted snapshot, in the region be created unencrypted unless each one asks for
#   encryption itself. A region where the input creates EBS volumes (volumes, instances,
#   launch templates and configurations, EKS node groups, snapshot copies) but declares no
#   aws_ebs_encryption_by_default is reported too, on the first such resource: the account
#   default there is off unless someone turned it on by hand, and volumes launched later
#   (an autoscaling group, a console launch) are not in the code to check. A region that
#   cannot be resolved is its own scope. (EBS encryption also covers the data moving between
#   a volume and its instance.)
#   Unknowns: an enabled flag not readable before apply is reported.
# custom:
#   id: aws-ebs-encryption-by-default
#   control: storage-encryption
#   cloud: aws
#   severity: medium
#   data_stores:
#     - check: encryption-at-rest
#       types: [aws_ebs_volume]
#     - check: encryption-in-transit
#       types: [aws_ebs_volume]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Encryption of personal information; secure configuration of hardware and software
#   remediation: |
#     Set enabled = true (or remove the argument) and add an aws_ebs_default_kms_key with a
#     customer-managed key in every region in use.
#   construct: EbsRegionDefaults
#   fix:
#     summary: Turn on EBS encryption by default in the region
#     edits:
#       - on: aws_ebs_encryption_by_default
#         set: { enabled: true }
#   example: |
#     resource "aws_ebs_encryption_by_default" "this" {
#       enabled = true
#     }
package leakguard.rules.aws.ebs.encryption_by_default

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_ebs_encryption_by_default")
	msg := message(r, stores.setting(r, "enabled"))
}

# Resource types whose instances create EBS volumes.
volume_creators := [
	"aws_ebs_volume",
	"aws_instance",
	"aws_launch_template",
	"aws_launch_configuration",
	"aws_eks_node_group",
	"aws_ebs_snapshot_copy",
]

# Regions whose default is declared (off or unknown is reported on the resource itself).
declared contains resources.region_of(r) if some r in resources.of_type("aws_ebs_encryption_by_default")

creators_by_region[region] contains r.key if {
	some t in volume_creators
	some r in resources.of_type(t)
	region := resources.region_of(r)
}

deny contains finding.new(rego.metadata.chain(), anchor, msg) if {
	some region, keys in creators_by_region
	not declared[region]
	anchor := input.resources[min(keys)]
	msg := sprintf("Region %s creates EBS volumes (first: %s) but has no aws_ebs_encryption_by_default; volumes there are unencrypted unless each one asks", [region, anchor.address])
}

message(r, "off") := sprintf("%s turns EBS encryption by default off in %s", [r.address, resources.region_text(r)])

message(r, "unknown") := sprintf("%s has enabled unknown before apply; EBS encryption by default cannot be verified", [r.address])
