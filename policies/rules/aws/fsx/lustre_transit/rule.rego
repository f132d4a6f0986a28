# METADATA
# title: FSx for Lustre file system that never encrypts data in transit (SCRATCH_1)
# description: |
#   FSx for Lustre has no transport setting: SCRATCH_2 and PERSISTENT file systems encrypt
#   Lustre traffic automatically when their clients are EC2 instances that support
#   encryption in transit, but a SCRATCH_1 file system (the default deployment type) never
#   does, so every file it serves crosses the VPC in clear.
#   Unknowns: a deployment type configured but not readable before apply is reported.
# custom:
#   id: aws-fsx-lustre-transit
#   control: storage-encryption
#   cloud: aws
#   severity: medium
#   data_stores:
#     check: encryption-in-transit
#     types: [aws_fsx_lustre_file_system]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Encryption of personal information (in transit)
#   remediation: |
#     Set deployment_type = "PERSISTENT_2" (or SCRATCH_2 for short-lived data; FSx replaces
#     the file system) and mount it from instance types that support encryption in transit.
#   construct: EncryptedLustreFileSystem
#   fix:
#     summary: Use a deployment type that encrypts data in transit (FSx replaces the file system)
#     edits:
#       - set: { deployment_type: '"PERSISTENT_2"', per_unit_storage_throughput: 125 }
#     cdktf:
#       option: "EncryptedLustreFileSystem is always a PERSISTENT_2 deployment"
#       snippet: |
#         new EncryptedLustreFileSystem(this, 'recommendations', { subnetId: privateSubnetId, securityGroupIds: [lustreSecurityGroup.id], storageCapacityGiB: 1200, classification: 'pii' });
#   example: |
#     resource "aws_fsx_lustre_file_system" "features" {
#       storage_capacity                = 1200
#       subnet_ids                      = ["subnet-0a1b2c3d4e5f60718"]
#       deployment_type                 = "PERSISTENT_2"
#       per_unit_storage_throughput     = 125
#       kms_key_id                      = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#       automatic_backup_retention_days = 14
#     }
package leakguard.rules.aws.fsx.lustre_transit

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_fsx_lustre_file_system")
	msg := message(r, stores.text(r, "deployment_type"))
}

message(r, "unknown") := sprintf("FSx for Lustre file system %s has deployment_type unknown before apply; whether it encrypts data in transit cannot be verified", [r.address])

message(r, d) := sprintf("FSx for Lustre file system %s serves its files in clear: a %s deployment never encrypts data in transit", [r.address, shown(d)]) if d in {"", "SCRATCH_1"}

shown("") := "SCRATCH_1 (deployment_type not set)"

shown(d) := d if d != ""
