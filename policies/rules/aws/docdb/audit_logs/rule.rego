# METADATA
# title: DocumentDB or Neptune cluster does not export its audit log
# description: |
#   Which client read which documents or graph nodes is known only from the engine's audit
#   log exported to CloudWatch Logs: a DocumentDB cluster needs "audit" in
#   enabled_cloudwatch_logs_exports, a Neptune cluster "audit" in
#   enable_cloudwatch_logs_exports. (The engine must also write the log: audit_logs /
#   neptune_enable_audit_log in the parameter group, which this rule does not read.)
#   Unknowns: an export list not readable before apply is reported.
# custom:
#   id: aws-cluster-audit-log-exports
#   control: central-audit-correlation
#   cloud: aws
#   severity: medium
#   data_stores:
#     check: audit-logging
#     types: [aws_docdb_cluster, aws_neptune_cluster]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.82 (breach notice, which needs to know what was accessed)
#   audit_component: Audit-log management; monitoring of access to personal information
#   remediation: |
#     Add "audit" to the cluster's CloudWatch log exports and turn the engine's audit log on
#     in its parameter group.
#   construct: EncryptedDocumentDatabase
#   fix:
#     summary: Export the audit log (and the other log types) to CloudWatch Logs; DocumentDB also needs audit_logs enabled in its cluster parameter group
#     edits:
#       - on: aws_docdb_cluster
#         set: { enabled_cloudwatch_logs_exports: '["audit", "profiler"]' }
#       - on: aws_neptune_cluster
#         set: { enable_cloudwatch_logs_exports: '["audit", "slowquery"]' }
#     cdktf:
#       option: "EncryptedDocumentDatabase always exports the audit log (EncryptedGraphDatabase for Neptune)"
#       snippet: |
#         new EncryptedDocumentDatabase(this, 'profiles', { identifier: 'customer-profiles', masterUsername: 'profiles_admin', subnetIds: privateSubnetIds, securityGroupIds: [dbSecurityGroup.id] });
#   example: |
#     resource "aws_docdb_cluster" "profiles" {
#       cluster_identifier              = "customer-profiles"
#       master_username                 = "profiles_admin"
#       manage_master_user_password     = true
#       storage_encrypted               = true
#       kms_key_id                      = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#       enabled_cloudwatch_logs_exports = ["audit", "profiler"]
#     }
package leakguard.rules.aws.docdb.audit_logs

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

# Type → [label, export list attribute].
clusters := {
	"aws_docdb_cluster": ["DocumentDB cluster", "enabled_cloudwatch_logs_exports"],
	"aws_neptune_cluster": ["Neptune cluster", "enable_cloudwatch_logs_exports"],
}

exports(r, attr) := {e | some v in resources.values_at(r, attr); some e in resources.as_list(v)}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some t, [label, attr] in clusters
	some r in resources.of_type(t)
	resources.unresolved(r, attr)
	msg := sprintf("%s %s has %s unknown before apply; its audit log export cannot be verified", [label, r.address, attr])
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some t, [label, attr] in clusters
	some r in resources.of_type(t)
	not resources.unresolved(r, attr)
	not "audit" in exports(r, attr)
	msg := sprintf("%s %s does not export its audit log (no \"audit\" in %s)", [label, r.address, attr])
}
