# METADATA
# title: EBS snapshot not encrypted
# description: |
#   A snapshot is a portable copy of a volume's data: aws_ebs_snapshot is encrypted exactly
#   when its volume is; aws_ebs_snapshot_copy and aws_ebs_snapshot_import when they set
#   encrypted = true, copy an encrypted snapshot, or the region encrypts by default
#   (aws_ebs_encryption_by_default).
#   Unknowns: a snapshot of a volume that is not in the input, or an encrypted flag not
#   readable before apply, cannot be verified and is reported.
# custom:
#   id: aws-ebs-snapshot-encryption
#   control: backup-protection
#   cloud: aws
#   severity: high
#   data_stores:
#     check: encryption-at-rest
#     types: [aws_ebs_snapshot]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Business continuity and disaster recovery (backups); encryption of personal information
#   remediation: |
#     Encrypt the source volume (encrypted = true, kms_key_id), or copy the snapshot with
#     encrypted = true and a customer-managed kms_key_id and delete the unencrypted one.
#   construct: EncryptedVolume
#   runbook:
#     exposure: The snapshot holds the volume's data unencrypted; any account it is shared with, and every copy made from it, reads that data in the clear
#     preserve:
#       - do: Record who may create volumes from the snapshot (sharing)
#         run: aws ec2 describe-snapshot-attribute --snapshot-id {{values.id|fill.snapshot-id}} --attribute createVolumePermission --region {{region}}
#       - do: Record the snapshot itself (volume, owner, encryption)
#         run: aws ec2 describe-snapshots --snapshot-ids {{values.id|fill.snapshot-id}} --region {{region}}
#       - do: Export the sharing and copy events on the snapshot in the exposure window
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=ResourceName,AttributeValue={{values.id|fill.snapshot-id}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Remove every share of the snapshot
#         run: aws ec2 reset-snapshot-attribute --snapshot-id {{values.id|fill.snapshot-id}} --attribute createVolumePermission --region {{region}}
#       - do: Make an encrypted copy with the customer-managed key
#         run: aws ec2 copy-snapshot --source-snapshot-id {{values.id|fill.snapshot-id}} --source-region {{region}} --encrypted --kms-key-id {{fill.kms-key-arn}} --region {{region}}
#       - do: Delete the unencrypted snapshot once the copy is complete
#         run: aws ec2 delete-snapshot --snapshot-id {{values.id|fill.snapshot-id}} --region {{region}}
#         destructive: true
#     verify:
#       - do: The copy reads Encrypted true
#         run: aws ec2 describe-snapshots --snapshot-ids {{fill.encrypted-snapshot-id}} --region {{region}} --query "Snapshots[0].Encrypted"
#   example: |
#     resource "aws_ebs_snapshot_copy" "orders_data" {
#       source_snapshot_id = "snap-0a1b2c3d4e5f60718"
#       source_region      = "us-west-2"
#       encrypted          = true
#       kms_key_id         = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#     }
package leakguard.rules.aws.ebs.snapshot_encryption

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

# aws_ebs_snapshot: the encryption of the volume it is taken from.
state(s) := snapshot_state(s) if s.type == "aws_ebs_snapshot"

snapshot_state(s) := stores.ebs_encryption(v) if {
	some v in resources.linked_to_type(s, "volume_id", "aws_ebs_volume")
} else := "unknown"

# Copies: their own flag or the region default, else the snapshot they copy.
state(s) := "on" if {
	s.type == "aws_ebs_snapshot_copy"
	some src in resources.linked_to_type(s, "source_snapshot_id", "aws_ebs_snapshot")
	snapshot_state(src) == "on"
} else := stores.ebs_encryption(s) if {
	s.type == "aws_ebs_snapshot_copy"
}

state(s) := stores.ebs_encryption(s) if s.type == "aws_ebs_snapshot_import"

snapshots := [s |
	some t in ["aws_ebs_snapshot", "aws_ebs_snapshot_copy", "aws_ebs_snapshot_import"]
	some s in resources.of_type(t)
]

deny contains finding.new(rego.metadata.chain(), s, msg) if {
	some s in snapshots
	msg := message(s, state(s))
}

message(s, "off") := sprintf("EBS snapshot %s is not encrypted", [s.address])

message(s, "unknown") := sprintf("EBS snapshot %s: its encryption cannot be verified before apply (source volume not in the input or flag unknown)", [s.address])
