# METADATA
# title: EBS encryption by default turned off
# description: |
#   aws_ebs_encryption_by_default with enabled = false lets every volume, and every copy of
#   an unencrypted snapshot, in the region be created unencrypted unless each one asks for
#   encryption itself.
#   Unknowns: an enabled flag not readable before apply is reported.
# custom:
#   id: aws-ebs-encryption-by-default
#   control: storage-encryption
#   cloud: aws
#   severity: medium
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
#       - set: { enabled: true }
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

message(r, "off") := sprintf("%s turns EBS encryption by default off in %s", [r.address, object.get(r, "region", "its region")])

message(r, "unknown") := sprintf("%s has enabled unknown before apply; EBS encryption by default cannot be verified", [r.address])
