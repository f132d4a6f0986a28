# METADATA
# title: Amazon MQ broker does not send its logs to CloudWatch
# description: |
#   Who connected to a broker and what was done through its console is known only from the
#   logs it publishes to CloudWatch Logs, off by default. An ActiveMQ broker needs
#   logs { audit = true }: its audit log records every management action through JMX and the
#   web console, where queues are browsed, messages read and queues purged. RabbitMQ has no
#   audit log; its general log (logs { general = true }) records client connections, logins
#   and user and permission changes, the only record of who reached its queues.
#   Unknowns: an engine type or log flag not readable before apply is reported.
# custom:
#   id: aws-mq-logs
#   control: central-audit-correlation
#   cloud: aws
#   severity: medium
#   data_stores:
#     check: audit-logging
#     types: [aws_mq_broker]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.82 (breach notice, which needs to know what was accessed)
#   audit_component: Audit-log management; monitoring of access to personal information
#   remediation: |
#     Set logs { audit = true, general = true } on an ActiveMQ broker, logs { general = true }
#     on a RabbitMQ broker (Amazon MQ needs a CloudWatch Logs resource policy allowing
#     mq.amazonaws.com to write /aws/amazonmq/*).
#   construct: PrivateMessageBroker
#   fix:
#     summary: Publish the broker's logs to CloudWatch Logs (audit and general for ActiveMQ, general for RabbitMQ)
#     edits:
#       - nested: logs
#         set: { general: true }
#       - nested: logs
#         when: { name: engine_type, values: [ActiveMQ] }
#         set: { audit: true }
#     cdktf:
#       option: "PrivateMessageBroker always publishes the general log, and the audit log on ActiveMQ"
#       snippet: |
#         new PrivateMessageBroker(this, 'orders', { brokerName: 'orders', subnetIds: privateSubnetIds, securityGroupIds: [brokerSecurityGroup.id], adminPassword: adminPassword.stringValue });
#   example: |
#     resource "aws_mq_broker" "orders" {
#       broker_name        = "orders"
#       engine_type        = "ActiveMQ"
#       engine_version     = "5.18"
#       host_instance_type = "mq.m5.large"
#       subnet_ids         = ["subnet-0a1b2c3d4e5f60718"]
#       security_groups    = ["sg-0a1b2c3d4e5f60718"]
#       logs {
#         audit   = true
#         general = true
#       }
#       user {
#         username = "admin"
#         password = var.mq_admin_password
#       }
#     }
package leakguard.rules.aws.mq.logs

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

# Engine (lower case) → [the log it needs, what that log records].
needed := {
	"activemq": ["audit", "its management actions through JMX and the web console"],
	"rabbitmq": ["general", "its client connections and logins"],
}

engine(r) := "unknown" if {
	stores.text(r, "engine_type") in {"unknown", ""}
} else := lower(stores.text(r, "engine_type"))

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_mq_broker")
	msg := message(r, engine(r))
}

message(r, "unknown") := sprintf("Amazon MQ broker %s has an engine_type not readable before apply; which log it must publish cannot be verified", [r.address])

message(r, e) := log_message(r, e, needed[e], stores.setting(r, sprintf("logs.%s", [needed[e][0]])))

log_message(r, _, [log, _], "unknown") := sprintf("Amazon MQ broker %s has logs.%s unknown before apply; whether it publishes that log cannot be verified", [r.address, log])

log_message(r, e, [log, what], state) := sprintf("Amazon MQ broker %s (%s) does not publish its %s log to CloudWatch Logs (logs.%s is not true), so %s are not recorded", [r.address, e, log, log, what]) if {
	state in {"off", "unset"}
}
