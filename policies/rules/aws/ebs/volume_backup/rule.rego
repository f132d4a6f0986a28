# METADATA
# title: Volume holding personal information that nothing snapshots
# description: |
#   An EBS volume has no backup setting of its own: it is backed up only when a Data
#   Lifecycle Manager policy (aws_dlm_lifecycle_policy, resource_types VOLUME, target_tags)
#   or an AWS Backup selection (by reference, "*", or a STRINGEQUALS tag) picks it. A volume
#   classified as holding personal information that neither picks loses its data with the
#   volume (a deleted volume, an encrypted-by-ransomware disk). Policies that target
#   instances (resource_types INSTANCE) are not read.
#   Unknowns: tags not readable before apply match no policy, and the volume is reported.
# custom:
#   id: aws-ebs-volume-backup
#   control: backup-protection
#   cloud: aws
#   severity: medium
#   data_stores:
#     check: backups
#     types: [aws_ebs_volume]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Business continuity and disaster recovery (backups)
#   remediation: |
#     Select the volume in an AWS Backup plan (aws_backup_selection by tag, e.g.
#     data-classification = pii) or add an aws_dlm_lifecycle_policy whose target_tags match
#     one of the volume's tags.
#   construct: EncryptedVolume
#   runbook:
#     exposure: Nothing snapshots the volume; data lost or encrypted on it in an incident cannot be restored
#     preserve:
#       - do: Take a snapshot of the volume now
#         run: aws ec2 create-snapshot --volume-id {{values.id|fill.volume-id}} --description leakguard-evidence --region {{region}}
#     contain:
#       - do: Record the Data Lifecycle Manager policies of the region, to add the volume's tags to one
#         run: aws dlm get-lifecycle-policies --region {{region}}
#     verify:
#       - do: The volume has a recent snapshot
#         run: aws ec2 describe-snapshots --filters Name=volume-id,Values={{values.id|fill.volume-id}} --region {{region}}
#   example: |
#     resource "aws_ebs_volume" "orders" {
#       availability_zone = "us-west-2a"
#       size              = 50
#       encrypted         = true
#       tags              = { data-classification = "pii" }
#     }
#
#     resource "aws_dlm_lifecycle_policy" "pii_volumes" {
#       description        = "daily snapshots of personal-data volumes"
#       execution_role_arn = "arn:aws:iam::111122223333:role/dlm-lifecycle"
#       policy_details {
#         resource_types = ["VOLUME"]
#         target_tags    = { data-classification = "pii" }
#         schedule {
#           name = "daily"
#           create_rule {
#             interval = 24
#           }
#           retain_rule {
#             count = 14
#           }
#         }
#       }
#     }
package leakguard.rules.aws.ebs.volume_backup

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

deny contains finding.new(rego.metadata.chain(), v, msg) if {
	some v in resources.of_type("aws_ebs_volume")
	resources.is_pii(v)
	not stores.in_backup_plan(v)
	not stores.dlm_snapshots(v)
	msg := sprintf("EBS volume %s is classified %s but no Data Lifecycle Manager policy or AWS Backup selection snapshots it", [v.address, resources.classification(v)])
}
