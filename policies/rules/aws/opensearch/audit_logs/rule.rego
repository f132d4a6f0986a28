# METADATA
# title: OpenSearch domain does not publish its audit log
# description: |
#   Which user or role searched or read which index of customer data is known only from the
#   domain's audit log: log_publishing_options with log_type = "AUDIT_LOGS" (enabled, to a
#   CloudWatch log group). Audit logs need fine-grained access control
#   (advanced_security_options.enabled). Covers aws_opensearch_domain and the legacy
#   aws_elasticsearch_domain.
#   Unknowns: log publishing options not readable before apply are reported.
# custom:
#   id: aws-opensearch-audit-logs
#   control: central-audit-correlation
#   cloud: aws
#   severity: medium
#   data_stores:
#     check: audit-logging
#     types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.82 (breach notice, which needs to know what was accessed)
#   audit_component: Audit-log management; monitoring of access to personal information
#   remediation: |
#     Turn on fine-grained access control (advanced_security_options) and add
#     log_publishing_options { log_type = "AUDIT_LOGS", cloudwatch_log_group_arn = … } with a
#     CloudWatch Logs resource policy letting es.amazonaws.com write to the group.
#   construct: SecureSearchDomain
#   example: |
#     resource "aws_opensearch_domain" "catalog" {
#       domain_name    = "product-catalog"
#       engine_version = "OpenSearch_2.13"
#       advanced_security_options {
#         enabled                        = true
#         anonymous_auth_enabled         = false
#         internal_user_database_enabled = false
#         master_user_options {
#           master_user_arn = "arn:aws:iam::111122223333:role/search-admin"
#         }
#       }
#       log_publishing_options {
#         log_type                 = "AUDIT_LOGS"
#         cloudwatch_log_group_arn = "arn:aws:logs:us-west-2:111122223333:log-group:/aws/opensearch/catalog/audit"
#       }
#     }
package leakguard.rules.aws.opensearch.audit_logs

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

# The domain's AUDIT_LOGS publishing: "on", "off" or "unknown".
audit(d) := "unknown" if {
	resources.unresolved(d, "log_publishing_options")
} else := "on" if {
	some o in resources.blocks_at(d, "log_publishing_options")
	o.log_type == "AUDIT_LOGS"
	object.get(o, "enabled", true) in {true, "true", null}
} else := "unknown" if {
	some o in resources.blocks_at(d, "log_publishing_options")
	not resources.literal(object.get(o, "log_type", ""))
} else := "off"

deny contains finding.new(rego.metadata.chain(), d, msg) if {
	some [d, kind] in stores.search_domains
	msg := message(d, kind, audit(d))
}

message(d, kind, "off") := sprintf("%s domain %s does not publish its audit log (no enabled log_publishing_options with log_type AUDIT_LOGS)", [kind, d.address])

message(d, kind, "unknown") := sprintf("%s domain %s has log publishing options not readable before apply; its audit log cannot be verified", [kind, d.address])
