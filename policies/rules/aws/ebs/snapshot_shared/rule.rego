# METADATA
# title: EBS snapshot shared publicly or with an unknown account
# description: |
#   A snapshot holds a full copy of a volume. aws_snapshot_create_volume_permission with
#   account_id "all" makes it public; any other account that is not one of the configured
#   environment or trusted accounts (environment_accounts, trusted_account_ids) can create
#   a volume from it and read everything on it. aws_ebs_snapshot_block_public_access with
#   state "unblocked" lets anyone in the account make snapshots public.
#   Unknowns: an account id not readable before apply is reported.
# custom:
#   id: aws-ebs-snapshot-shared
#   control: backup-protection
#   cloud: aws
#   severity: critical
#   data_stores:
#     check: public-reachability
#     types: [aws_ebs_snapshot]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Business continuity and disaster recovery (backups); access controls
#   remediation: |
#     Share snapshots only with your own accounts (list them in environment_accounts or
#     trusted_account_ids), never "all", and set aws_ebs_snapshot_block_public_access to
#     "block-all-sharing" in every region.
#   construct: EbsRegionDefaults
#   runbook:
#     exposure: Another AWS account can create volumes from the snapshot, and so read every byte of the disk it copied
#     preserve:
#       - do: Record who may create volumes from the snapshot now
#         run: aws ec2 describe-snapshot-attribute --snapshot-id {{values.snapshot_id|via.snapshot_id.id|fill.snapshot-id}} --attribute createVolumePermission --region {{region}}
#       - do: Look up who shared the snapshot, and when, in the exposure window
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=ResourceName,AttributeValue={{values.snapshot_id|via.snapshot_id.id|fill.snapshot-id}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Remove the other account's permission (copies it already made are outside your control; report them)
#         run: aws ec2 modify-snapshot-attribute --snapshot-id {{values.snapshot_id|via.snapshot_id.id|fill.snapshot-id}} --attribute createVolumePermission --operation-type remove --user-ids {{values.account_id}} --region {{region}}
#     verify:
#       - do: CreateVolumePermissions is empty
#         run: aws ec2 describe-snapshot-attribute --snapshot-id {{values.snapshot_id|via.snapshot_id.id|fill.snapshot-id}} --attribute createVolumePermission --region {{region}}
#   example: |
#     resource "aws_ebs_snapshot_block_public_access" "this" {
#       state = "block-all-sharing"
#     }
package leakguard.rules.aws.ebs.snapshot_shared

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

deny contains finding.new(rego.metadata.chain(), p, msg) if {
	some p in resources.of_type("aws_snapshot_create_volume_permission")
	msg := message(p, stores.text(p, "account_id"))
}

deny contains finding.new(rego.metadata.chain(), b, msg) if {
	some b in resources.of_type("aws_ebs_snapshot_block_public_access")
	stores.text(b, "state") == "unblocked"
	msg := sprintf("%s lets anyone in the account make EBS snapshots public in %s (state unblocked)", [b.address, resources.region_text(b)])
}

message(p, "unknown") := sprintf("%s shares an EBS snapshot with an account not readable before apply; it cannot be shown to stay private", [p.address])

message(p, "all") := sprintf("%s makes an EBS snapshot public (account_id all)", [p.address])

message(p, account) := sprintf("%s shares an EBS snapshot with account %s, which is not a configured account", [p.address, account]) if {
	not account in {"unknown", "all"}
	account in stores.shared_outside({account})
}
