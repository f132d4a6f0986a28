# METADATA
# title: Redshift warehouse without audit logging
# description: |
#   Who connected and what they ran against the customer tables is recorded only when audit
#   logging is on: a cluster needs logging { enable = true } (inline, hashicorp/aws 5.x) or
#   an aws_redshift_logging resource naming it; a Serverless namespace needs log_exports
#   with connectionlog and useractivitylog, and so does a cluster whose logging lists the
#   logs it exports (CloudWatch delivers only those; an S3 destination without a list gets
#   every log).
#   Unknowns: an enable flag or log list not readable before apply is reported; an
#   aws_redshift_logging resource counts when it refers to the cluster or names it literally.
# custom:
#   id: aws-redshift-audit-logging
#   control: central-audit-correlation
#   cloud: aws
#   severity: medium
#   data_stores:
#     check: audit-logging
#     types: [aws_redshift_cluster, aws_redshiftserverless_namespace]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.82 (breach notice, which needs to know what was accessed)
#   audit_component: Audit-log management; monitoring of access to personal information
#   remediation: |
#     Add aws_redshift_logging { cluster_identifier = aws_redshift_cluster.x.id,
#     log_destination_type = "cloudwatch", log_exports = ["connectionlog", "userlog",
#     "useractivitylog"] } (and enable_user_activity_logging in the parameter group), or
#     log_exports on the Serverless namespace.
#   construct: PrivateWarehouse
#   fix:
#     summary: Send connection and user activity logs to CloudWatch Logs (an aws_redshift_logging linked by reference)
#     edits:
#       - linked: { type: aws_redshift_logging, via: cluster_identifier }
#         create: |
#           resource "aws_redshift_logging" "{{name}}" {
#             cluster_identifier   = {{ref}}.cluster_identifier
#             log_destination_type = "cloudwatch"
#             log_exports          = ["connectionlog", "userlog", "useractivitylog"]
#           }
#     cdktf:
#       option: "PrivateWarehouse always adds aws_redshift_logging and user activity logging"
#       snippet: |
#         new PrivateWarehouse(this, 'analytics', { identifier: 'analytics', masterUsername: 'analytics_admin', subnetIds: privateSubnetIds, securityGroupIds: [warehouseSecurityGroup.id] });
#   example: |
#     resource "aws_redshift_logging" "analytics" {
#       cluster_identifier   = "analytics"
#       log_destination_type = "cloudwatch"
#       log_exports          = ["connectionlog", "userlog", "useractivitylog"]
#     }
package leakguard.rules.aws.redshift.audit_logging

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

required_exports := {"connectionlog", "useractivitylog"}

# Cluster identifiers named literally by aws_redshift_logging resources.
logged_names := {name |
	some l in resources.of_type("aws_redshift_logging")
	name := l.values.cluster_identifier
	resources.literal(name)
}

logged(c) if count(resources.linked_from(c, "aws_redshift_logging", "cluster_identifier")) > 0

logged(c) if logged_names[c.values.cluster_identifier]

logged(c) if stores.setting(c, "logging.enable") == "on"

deny contains finding.new(rego.metadata.chain(), c, msg) if {
	some c in resources.of_type("aws_redshift_cluster")
	not logged(c)
	msg := cluster_message(c, stores.setting(c, "logging.enable"))
}

# Where the cluster's logging lists the logs it exports (CloudWatch delivers only those: an S3
# destination without a list gets every log), each list: the inline block's, and that of each
# aws_redshift_logging for it. A list without useractivitylog records who connected, not what
# they ran (an audit of terraform-aws-redshift: `log_exports = ["connectionlog"]` had passed).
export_lists(c) := array.concat(
	[{"r": c, "path": "logging.log_exports"} | stores.setting(c, "logging.enable") == "on"],
	[{"r": l, "path": "log_exports"} | some l in cluster_loggings(c)],
)

cluster_loggings(c) := {l | some l in resources.linked_from(c, "aws_redshift_logging", "cluster_identifier")} | {l |
	some l in resources.of_type("aws_redshift_logging")
	resources.literal(l.values.cluster_identifier)
	l.values.cluster_identifier == object.get(c.values, "cluster_identifier", null)
}

exports_unknown(c) if {
	some e in export_lists(c)
	resources.unresolved(e.r, e.path)
}

listed_exports(c) := {x |
	some e in export_lists(c)
	some v in resources.values_at(e.r, e.path)
	some x in resources.as_list(v)
}

deny contains finding.new(rego.metadata.chain(), c, msg) if {
	some c in resources.of_type("aws_redshift_cluster")
	logged(c)
	msg := exports_message(c)
}

exports_message(c) := sprintf("Redshift cluster %s has log_exports unknown before apply; which logs it exports cannot be verified", [c.address]) if {
	exports_unknown(c)
}

exports_message(c) := sprintf("Redshift cluster %s exports only %s, not %s: who connected is recorded, not what they ran", [c.address, concat(", ", sort(listed_exports(c))), concat(", ", sort(missing))]) if {
	not exports_unknown(c)
	count(listed_exports(c)) > 0
	missing := required_exports - listed_exports(c)
	count(missing) > 0
}

cluster_message(c, "unknown") := sprintf("Redshift cluster %s has logging.enable unknown before apply; audit logging cannot be verified", [c.address])

cluster_message(c, state) := sprintf("Redshift cluster %s has no audit logging (no logging block or aws_redshift_logging)", [c.address]) if state != "unknown"

deny contains finding.new(rego.metadata.chain(), n, msg) if {
	some n in resources.of_type("aws_redshiftserverless_namespace")
	msg := namespace_message(n)
}

namespace_message(n) := sprintf("Redshift Serverless namespace %s has log_exports unknown before apply; audit logging cannot be verified", [n.address]) if {
	resources.unresolved(n, "log_exports")
}

namespace_message(n) := sprintf("Redshift Serverless namespace %s does not export %s", [n.address, concat(", ", sort(missing))]) if {
	not resources.unresolved(n, "log_exports")
	exports := {e | some v in resources.values_at(n, "log_exports"); some e in resources.as_list(v)}
	missing := required_exports - exports
	count(missing) > 0
}
