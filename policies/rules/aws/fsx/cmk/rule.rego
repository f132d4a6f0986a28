# METADATA
# title: FSx file system not under a customer-managed key
# description: |
#   Amazon FSx (for Windows File Server, Lustre, NetApp ONTAP and OpenZFS) encrypts every file
#   system at rest, by default with the AWS-managed key aws/fsx, which every principal with
#   FSx access in the account may use and whose grants the account cannot revoke for one file
#   system. Shares of customer files (exports, invoices, scanned documents) need kms_key_id
#   naming a customer-managed key unless the file system is classified as holding no personal
#   information. A Lustre scratch deployment (SCRATCH_1, the default, or SCRATCH_2) takes no
#   key at all: FSx encrypts it with a key of its own, so only a PERSISTENT deployment can be
#   keyed.
#   Unknowns: a key or deployment type configured but not readable before apply is reported;
#   a key set by reference to a key resource counts as customer-managed, even when unknown at
#   plan time; a key the provider only computes (not configured) is the AWS-managed default.
# custom:
#   id: aws-fsx-cmk
#   control: storage-encryption
#   cloud: aws
#   severity: high
#   data_stores:
#     check: encryption-at-rest
#     types: [aws_fsx_windows_file_system, aws_fsx_lustre_file_system, aws_fsx_ontap_file_system, aws_fsx_openzfs_file_system]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information (at rest and in transit)
#   remediation: |
#     Set kms_key_id to a customer-managed key (aws_kms_key.x.arn; FSx replaces the file
#     system, so restore it from a backup into the keyed one), use deployment_type
#     PERSISTENT_2 for a Lustre file system that holds customer data, or classify a file
#     system that holds no personal information.
#   construct: EncryptedWindowsFileShare
#   fix:
#     summary: Encrypt the file system under a customer-managed key (aws_kms_key named after it, added unless it exists; FSx replaces the file system)
#     edits:
#       - set: { kms_key_id: 'aws_kms_key.{{name}}.arn' }
#         create: |
#           resource "aws_kms_key" "{{name}}" {
#             description         = "customer-managed key of {{ref}}"
#             enable_key_rotation = true
#           }
#     cdktf:
#       option: "EncryptedWindowsFileShare and EncryptedLustreFileSystem always encrypt under kmsKey (a HardenedKey, created when absent)"
#       snippet: |
#         new EncryptedWindowsFileShare(this, 'finance-share', { directoryId: directory.id, subnetIds: [privateSubnetId], securityGroupIds: [shareSecurityGroup.id], auditLogDestinationArn: shareAuditLogs.arn, classification: 'pii' });
#   example: |
#     resource "aws_fsx_windows_file_system" "finance" {
#       active_directory_id             = "d-1234567890"
#       storage_capacity                = 300
#       throughput_capacity             = 32
#       subnet_ids                      = ["subnet-0a1b2c3d4e5f60718"]
#       kms_key_id                      = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#       automatic_backup_retention_days = 14
#       audit_log_configuration {
#         file_access_audit_log_level       = "SUCCESS_AND_FAILURE"
#         file_share_access_audit_log_level = "SUCCESS_AND_FAILURE"
#         audit_log_destination             = "arn:aws:logs:us-west-2:111122223333:log-group:/aws/fsx/finance"
#       }
#     }
package leakguard.rules.aws.fsx.cmk

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

labels := stores.fsx_labels

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some type, label in labels
	some r in resources.of_type(type)
	stores.needs_cmk(r)
	msg := message(r, label)
}

message(r, label) := sprintf("%s %s has deployment_type unknown before apply; whether it can take a customer-managed key cannot be verified", [label, r.address]) if {
	r.type == "aws_fsx_lustre_file_system"
	stores.lustre_deployment(r) == "unknown"
} else := sprintf("%s %s is a %s deployment, which FSx encrypts with a key of its own and which takes no customer-managed key, but %s: use deployment_type PERSISTENT_2 with kms_key_id", [label, r.address, d, stores.cmk_reason(r)]) if {
	r.type == "aws_fsx_lustre_file_system"
	d := stores.lustre_deployment(r)
	startswith(d, "SCRATCH")
} else := sprintf("%s %s has kms_key_id unknown before apply; the key it is encrypted with cannot be verified", [label, r.address]) if {
	resources.unresolved(r, "kms_key_id")
	not resources.references_under(r, "kms_key_id")
} else := stores.key_message(r, label, "kms_key_id") if {
	not stores.customer_key(r, "kms_key_id")
}
