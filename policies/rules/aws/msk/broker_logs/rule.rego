# METADATA
# title: MSK cluster does not deliver its broker logs
# description: |
#   Which client connected to which broker, and which authentication and authorization
#   decisions were made, is known only from the broker logs (and, with IAM access control,
#   the authorizer's entries in them). MSK writes none unless logging_info.broker_logs
#   enables at least one destination: cloudwatch_logs, firehose or s3 with enabled = true.
#   Unknowns: an enabled flag not readable before apply is reported.
# custom:
#   id: aws-msk-broker-logs
#   control: central-audit-correlation
#   cloud: aws
#   severity: medium
#   data_stores:
#     check: audit-logging
#     types: [aws_msk_cluster]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.82 (breach notice, which needs to know what was accessed)
#   audit_component: Audit-log management; monitoring of access to personal information
#   remediation: |
#     Add logging_info { broker_logs { cloudwatch_logs { enabled = true, log_group = … } } }
#     (or firehose / s3) to the cluster.
#   construct: PrivateKafka
#   example: |
#     resource "aws_msk_cluster" "events" {
#       cluster_name           = "order-events"
#       kafka_version          = "3.6.0"
#       number_of_broker_nodes = 2
#       broker_node_group_info {
#         instance_type   = "kafka.m7g.large"
#         client_subnets  = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
#         security_groups = ["sg-0123456789abcdef0"]
#       }
#       logging_info {
#         broker_logs {
#           cloudwatch_logs {
#             enabled   = true
#             log_group = "/aws/msk/order-events"
#           }
#         }
#       }
#     }
package leakguard.rules.aws.msk.broker_logs

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

destinations := ["cloudwatch_logs", "firehose", "s3"]

paths := [concat(".", ["logging_info.broker_logs", d, "enabled"]) | some d in destinations]

# "on" when a destination is enabled, "unknown" when one cannot be read, else "off".
state(c) := "on" if {
	some p in paths
	resources.any_true(c, p)
} else := "on" if {
	some p in paths
	some v in resources.values_at(c, p)
	v == "true"
} else := "unknown" if {
	some p in paths
	resources.unresolved(c, p)
} else := "off"

deny contains finding.new(rego.metadata.chain(), c, msg) if {
	some c in resources.of_type("aws_msk_cluster")
	msg := message(c, state(c))
}

message(c, "off") := sprintf("MSK cluster %s delivers no broker logs: logging_info.broker_logs enables no CloudWatch Logs, Firehose or S3 destination", [c.address])

message(c, "unknown") := sprintf("MSK cluster %s has broker log destinations not readable before apply; its broker logs cannot be verified", [c.address])
