# METADATA
# title: Timestream for InfluxDB instance reachable from the internet
# description: |
#   publicly_accessible = true gives a Timestream for InfluxDB instance a public address: the
#   time series it holds (sessions, clickstream, device and order telemetry tied to customers)
#   answer on port 8086 from anywhere its security groups allow, one leaked token away from a
#   breach. Left out, the service keeps it private (a plan shows it unknown: the provider only
#   reads AWS's default back). The flag cannot be changed in place: making the instance private
#   replaces it.
#   Unknowns: a publicly_accessible configured but not readable before apply is reported.
# custom:
#   id: aws-timestream-influxdb-public
#   control: public-storage
#   cloud: aws
#   severity: critical
#   data_stores:
#     check: public-reachability
#     types: [aws_timestreaminfluxdb_db_instance]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Network monitoring and defences; segmentation
#   remediation: |
#     Set publicly_accessible = false (this replaces the instance: export the data first) and
#     reach it from private subnets; meanwhile allow its port only from the VPC in its
#     security groups.
#   construct: PrivateTimeSeriesDatabase
#   runbook:
#     exposure: The InfluxDB instance has a public address that takes connections from the internet
#     preserve:
#       - do: Record the instance's exposure now (endpoint, publiclyAccessible, security groups)
#         run: aws timestream-influxdb get-db-instance --identifier {{values.id|fill.db-instance-id}} --region {{region}}
#       - do: Save the rules of its security groups as they are now
#         run: aws ec2 describe-security-group-rules --filters Name=group-id,Values={{fill.security-group-id}} --region {{region}}
#       - do: Look up who changed the instance in the exposure window
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=EventSource,AttributeValue=timestream-influxdb.amazonaws.com --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Revoke internet ingress to the instance's port in its security group (the public address itself goes only by replacing the instance)
#         run: aws ec2 revoke-security-group-ingress --group-id {{fill.security-group-id}} --ip-permissions "IpProtocol=tcp,FromPort=8086,ToPort=8086,IpRanges=[{CidrIp=0.0.0.0/0}]" --region {{region}}
#         destructive: true
#     verify:
#       - do: No ingress rule from 0.0.0.0/0 or ::/0 remains on the instance's security groups
#         run: aws ec2 describe-security-group-rules --filters Name=group-id,Values={{fill.security-group-id}} --region {{region}}
#   example: |
#     resource "aws_timestreaminfluxdb_db_instance" "telemetry" {
#       name                   = "telemetry"
#       allocated_storage      = 20
#       db_instance_type       = "db.influx.medium"
#       bucket                 = "telemetry"
#       organization           = "shop"
#       username               = "admin"
#       password               = var.influx_password
#       vpc_subnet_ids         = var.private_subnet_ids
#       vpc_security_group_ids = [aws_security_group.influx.id]
#       publicly_accessible    = false
#     }
package leakguard.rules.aws.timestream.influxdb_public

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_timestreaminfluxdb_db_instance")
	msg := message(r, stores.setting(r, "publicly_accessible"))
}

message(r, "on") := sprintf("Timestream for InfluxDB instance %s is reachable from the internet (publicly_accessible = true)", [r.address])

message(r, "unknown") := sprintf("Timestream for InfluxDB instance %s has publicly_accessible unknown before apply; that it is not reachable from the internet cannot be verified", [r.address])
