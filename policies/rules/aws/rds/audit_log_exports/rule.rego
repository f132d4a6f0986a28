# METADATA
# title: RDS database does not export its audit log
# description: |
#   Database access to customer tables must reach the central log store: stand-alone RDS
#   instances and clusters export the engine's audit log to CloudWatch Logs
#   (enabled_cloudwatch_logs_exports), per rds_audit_log_exports (postgresql for
#   PostgreSQL, audit for MySQL/MariaDB/Aurora MySQL/Oracle, error for SQL Server).
#   Unknowns: an engine without a configured mapping is not checked; exports unknown at
#   plan time are not proven and are reported.
# custom:
#   id: aws-rds-audit-log-exports
#   control: central-audit-correlation
#   cloud: aws
#   severity: medium
#   data_stores:
#     check: audit-logging
#     types: [aws_db_instance, aws_rds_cluster]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.82 (breach notification without unreasonable delay)
#   audit_component: Audit-log management (centralised collection and correlation)
#   remediation: |
#     Set enabled_cloudwatch_logs_exports = ["postgresql"] (or ["audit"] with the audit
#     plugin/parameter enabled) and ship the log group to the central account.
#   construct: HardenedPostgres
#   fix:
#     summary: Export every log type the engine offers, its audit log among them, to CloudWatch Logs
#     edits:
#       - where: { name: engine, values: [postgres] }
#         set: { enabled_cloudwatch_logs_exports: '["postgresql", "upgrade"]' }
#       - where: { name: engine, values: [aurora-postgresql] }
#         set: { enabled_cloudwatch_logs_exports: '["postgresql"]' }
#       - where: { name: engine, values: [mysql, mariadb, aurora-mysql] }
#         set: { enabled_cloudwatch_logs_exports: '["audit", "error", "general", "slowquery"]' }
#       - where: { name: engine, values: [oracle-ee, oracle-se2, oracle-ee-cdb, oracle-se2-cdb] }
#         set: { enabled_cloudwatch_logs_exports: '["alert", "audit", "listener", "trace"]' }
#       - where: { name: engine, values: [sqlserver-ee, sqlserver-se, sqlserver-ex, sqlserver-web] }
#         set: { enabled_cloudwatch_logs_exports: '["agent", "error"]' }
#     cdktf:
#       option: "HardenedPostgres always exports the postgresql and upgrade logs"
#       snippet: |
#         new HardenedPostgres(this, 'orders', { identifier: 'orders', subnetIds: privateSubnetIds, securityGroupIds: [dbSecurityGroup.id], classification: 'pii' });
#   example: |
#     resource "aws_db_instance" "orders" {
#       identifier                  = "orders"
#       engine                      = "postgres"
#       instance_class              = "db.t4g.medium"
#       allocated_storage           = 50
#       username                    = "orders_admin"
#       manage_master_user_password = true
#       parameter_group_name        = aws_db_parameter_group.pgaudit.name # loads pgaudit
#
#       enabled_cloudwatch_logs_exports = ["postgresql"] # MySQL/MariaDB/Oracle: ["audit"]
#     }
package leakguard.rules.aws.rds.audit_log_exports

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

mapping := config.settings.rds_audit_log_exports

# The most specific engine prefix (aurora-postgresql before aurora).
required(r) := mapping[best] if {
	engine := lower(r.values.engine)
	matches := [k | some k, _ in mapping; startswith(engine, k)]
	count(matches) > 0
	longest := max({count(k) | some k in matches})
	best := [k | some k in matches; count(k) == longest][0]
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.rds_storage_owners
	needed := required(r)
	exported := {e | some e in resources.as_list(object.get(r.values, "enabled_cloudwatch_logs_exports", null))}
	missing := {e | some e in needed; not e in exported}
	count(missing) > 0
	msg := message(r, missing)
}

message(r, missing) := sprintf("%s does not export its audit log (%s) to CloudWatch Logs", [r.address, concat(", ", sort(missing))]) if {
	not resources.unknown_at(r, "enabled_cloudwatch_logs_exports")
}

message(r, _) := sprintf("%s has log exports unknown at plan time", [r.address]) if {
	resources.unknown_at(r, "enabled_cloudwatch_logs_exports")
}
