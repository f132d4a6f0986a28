# METADATA
# title: Amazon MQ broker reachable from the internet
# description: |
#   Message brokers carry orders, payment events and customer records in their queues. A
#   broker with publicly_accessible = true gets internet-facing endpoints for every protocol
#   and for its web console (the RabbitMQ management UI or the ActiveMQ console, where queues
#   can be browsed and purged), guarded by broker user passwords alone: no security group
#   applies to a public broker. It cannot be changed after creation (the broker is replaced).
#   Unknowns: publicly_accessible not readable before apply is reported.
# custom:
#   id: aws-mq-public
#   control: public-storage
#   cloud: aws
#   severity: critical
#   data_stores:
#     check: public-reachability
#     types: [aws_mq_broker]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Access controls; network monitoring and defences; segmentation
#   remediation: |
#     Set publicly_accessible = false and place the broker in private subnets (subnet_ids)
#     behind a security group that admits only the application's own security group; reach
#     the console through a bastion or VPN.
#   construct: PrivateMessageBroker
#   fix:
#     summary: Make the broker private (Amazon MQ replaces it; plan the cut-over of its clients)
#     edits:
#       - on: aws_mq_broker
#         where: { name: publicly_accessible, values: ["true"] }
#         set: { publicly_accessible: false }
#     cdktf:
#       option: "PrivateMessageBroker is never publicly accessible and sits in the subnets and security groups it is given"
#       snippet: |
#         new PrivateMessageBroker(this, 'orders', { brokerName: 'orders', subnetIds: privateSubnetIds, securityGroupIds: [brokerSecurityGroup.id], adminPassword: adminPassword.stringValue });
#   runbook:
#     exposure: The broker's endpoints and web console take connections from the internet, guarded only by broker user passwords; anyone who guesses or holds one reads every queue of orders and customer events
#     preserve:
#       - do: Record the broker's endpoints, users and logging
#         run: aws mq describe-broker --broker-id {{values.id|fill.broker-id}} --region {{region}}
#       - do: Export the management events on the broker in the exposure window
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=ResourceName,AttributeValue={{values.id|values.broker_name|fill.broker-id}} --start-time {{window_start}} --end-time {{window_end}}
#       - do: Export the broker's CloudWatch logs for the exposure window (connections, console and JMX actions)
#         run: aws logs filter-log-events --log-group-name /aws/amazonmq/broker/{{values.id|fill.broker-id}}/general --start-time {{fill.exposure-start-epoch-ms}} --end-time {{fill.exposure-end-epoch-ms}} --region {{region}}
#     contain:
#       - do: Rotate every broker user's password (a public broker accepted anyone who had one)
#         run: aws mq update-user --broker-id {{values.id|fill.broker-id}} --username {{fill.username}} --password {{fill.new-password}} --region {{region}}
#       - do: Apply the user changes by rebooting the broker
#         run: aws mq reboot-broker --broker-id {{values.id|fill.broker-id}} --region {{region}}
#       - do: Replace the broker with a private one (publicly_accessible cannot change in place) and move its clients
#         run: terraform apply -replace={{address}}
#     verify:
#       - do: PubliclyAccessible reads false
#         run: aws mq describe-broker --broker-id {{values.id|fill.broker-id}} --region {{region}} --query PubliclyAccessible
#   example: |
#     resource "aws_mq_broker" "orders" {
#       broker_name         = "orders"
#       engine_type         = "RabbitMQ"
#       engine_version      = "3.13"
#       host_instance_type  = "mq.m5.large"
#       publicly_accessible = false
#       subnet_ids          = ["subnet-0a1b2c3d4e5f60718"]
#       security_groups     = ["sg-0a1b2c3d4e5f60718"]
#       user {
#         username = "admin"
#         password = var.mq_admin_password
#       }
#     }
package leakguard.rules.aws.mq.public_access

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_mq_broker")
	msg := message(r, stores.setting(r, "publicly_accessible"))
}

message(r, "on") := sprintf("Amazon MQ broker %s is publicly accessible: its endpoints and web console take connections from the internet, guarded only by broker user passwords", [r.address])

message(r, "unknown") := sprintf("Amazon MQ broker %s has publicly_accessible unknown before apply; whether it is reachable from the internet cannot be verified", [r.address])
