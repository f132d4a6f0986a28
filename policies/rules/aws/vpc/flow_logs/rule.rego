# METADATA
# title: VPC without a flow log recording all its traffic
# description: |
#   VPC flow logs are the record of which addresses talked to which hosts and how much they
#   sent: without them, an exfiltration from a database or an instance in the VPC cannot be
#   traced or sized afterwards, and the breach notice cannot say whose data left. Every aws_vpc
#   (and an aws_default_vpc managed in code) is reported unless an aws_flow_log names it in
#   vpc_id (by reference, directly or through another resource's vpc_id, or by the VPC's own id
#   where the input knows it) with traffic_type = "ALL" and a destination (log_destination or
#   log_group_name; a reference counts as set). A flow log of REJECT (or ACCEPT) traffic only
#   misses the accepted connections an exfiltration uses; a subnet's or a network interface's
#   flow log covers only that subnet or interface, never the VPC.
#   Unknowns: a traffic_type configured but not readable before apply on the VPC's flow log is
#   reported as not verifiable. A flow log whose vpc_id cannot be followed to a resource (a
#   variable without a value, a module not checked, a local a plan alone does not hold) may be
#   the one that covers a VPC: every VPC no flow log is shown to cover is then reported as not
#   verifiable, never passed.
# custom:
#   id: aws-vpc-flow-logs
#   control: audit-logging-every-region
#   cloud: aws
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.82 (breach notification without unreasonable delay)
#   audit_component: Audit-log management; network monitoring and defences
#   remediation: |
#     Add an aws_flow_log with vpc_id = the VPC's id, traffic_type = "ALL" and a destination:
#     a CloudWatch log group with retention and a KMS key (log_destination plus an iam_role_arn
#     whose role lets vpc-flow-logs.amazonaws.com write only to that group), or an S3 bucket.
#     For terraform-aws-modules/vpc set enable_flow_log = true with
#     flow_log_traffic_type = "ALL" (its default).
#   construct: PrivateVpc
#   runbook:
#     exposure: Connections into and out of the VPC are not recorded, so traffic from its databases and hosts to the internet in the window cannot be traced or sized
#     preserve:
#       - do: Record the flow logs the VPC has now (none, or one of REJECT traffic only)
#         run: aws ec2 describe-flow-logs --filter Name=resource-id,Values={{values.id|fill.vpc-id}} --region {{region}}
#       - do: Export who deleted or changed the VPC's flow logs in the window
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=EventName,AttributeValue=DeleteFlowLogs --start-time {{window_start}} --end-time {{window_end}}
#       - do: Save the VPC's network interfaces (what ran there and with which addresses), for the traffic that went unrecorded
#         run: aws ec2 describe-network-interfaces --filters Name=vpc-id,Values={{values.id|fill.vpc-id}} --region {{region}}
#     contain:
#       - do: Record all the VPC's traffic to a log group with retention (the role lets vpc-flow-logs.amazonaws.com write to that group only)
#         run: aws ec2 create-flow-logs --resource-type VPC --resource-ids {{values.id|fill.vpc-id}} --traffic-type ALL --log-destination-type cloud-watch-logs --log-destination {{fill.log-group-arn}} --deliver-logs-permission-arn {{fill.flow-logs-role-arn}} --region {{region}}
#     verify:
#       - do: A flow log of the VPC reads TrafficType ALL and FlowLogStatus ACTIVE, with DeliverLogsStatus SUCCESS
#         run: aws ec2 describe-flow-logs --filter Name=resource-id,Values={{values.id|fill.vpc-id}} --region {{region}} --query "FlowLogs[].[TrafficType,FlowLogStatus,DeliverLogsStatus,LogDestination]"
#   example: |
#     resource "aws_vpc" "main" {
#       cidr_block = "10.0.0.0/16"
#     }
#
#     resource "aws_flow_log" "main" {
#       vpc_id               = aws_vpc.main.id
#       traffic_type         = "ALL"
#       log_destination_type = "cloud-watch-logs"
#       log_destination      = aws_cloudwatch_log_group.flow_logs.arn
#       iam_role_arn         = aws_iam_role.flow_logs.arn
#     }
package leakguard.rules.aws.vpc.flow_logs

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

vpc_types := ["aws_vpc", "aws_default_vpc"]

is_vpc := {"aws_vpc": true, "aws_default_vpc": true}

flow_logs := resources.of_type("aws_flow_log")

# The VPCs a flow log names in vpc_id: by reference to a VPC, or to a resource whose own vpc_id
# refers to one (`vpc_id = aws_subnet.a.vpc_id`).
named_vpcs(fl) := [k |
	some k1 in object.get(fl.references, "vpc_id", [])
	x := input.resources[k1]
	some k in vpc_keys(x, k1)
]

vpc_keys(x, k) := [k] if is_vpc[x.type]

vpc_keys(x, _) := [k | some k in object.get(x.references, "vpc_id", []); is_vpc[input.resources[k].type]] if not is_vpc[x.type]

# VPCs whose id the input knows (a state, a plan of an existing VPC), by id.
vpc_by_id[id] contains v.key if {
	some t in vpc_types
	some v in resources.of_type(t)
	id := object.get(v.values, "id", null)
	resources.literal(id)
}

# The flow logs of each VPC (keys), by reference or by the VPC's literal id.
logs_of[vk] contains fl.key if {
	some fl in flow_logs
	some vk in named_vpcs(fl)
}

logs_of[vk] contains fl.key if {
	some fl in flow_logs
	id := object.get(fl.values, "vpc_id", null)
	resources.literal(id)
	some vk in vpc_by_id[id]
}

# "ALL", another traffic type, "unknown" (configured, not readable) or "unset".
traffic(fl) := "unknown" if {
	resources.unresolved(fl, "traffic_type")
} else := upper(v) if {
	v := object.get(fl.values, "traffic_type", null)
	is_string(v)
} else := "unknown" if {
	resources.unknown_at(fl, "traffic_type")
} else := "unset"

# A destination is named: a literal, a reference, or a value only apply knows.
has_destination(fl) if {
	resources.configured(fl, "log_destination")
} else if {
	resources.configured(fl, "log_group_name")
}

records_all(fl) if {
	traffic(fl) == "ALL"
	has_destination(fl)
}

# A flow log whose vpc_id names what the input cannot follow: it may be any VPC's. One that
# names a known VPC, an existing one (a data source) or a literal id is not.
open(fl) if {
	count(named_vpcs(fl)) == 0
	vpc_id_open(fl)
}

vpc_id_open(fl) if {
	resources.unlinked_under(fl, "vpc_id")
} else if {
	some k in object.get(fl.references, "vpc_id", [])
	not input.resources[k]
} else if {
	some k in object.get(fl.references, "vpc_id", [])
	input.resources[k].mode == "managed"
} else if {
	resources.interpolated(fl, "vpc_id")
} else if {
	resources.unreadable_at(fl, "vpc_id")
} else if {
	resources.unknown_at(fl, "vpc_id")
	count(object.get(fl.references, "vpc_id", [])) == 0
}

# Open flow logs that could record all of a VPC's traffic (one of REJECT traffic only could
# not, whichever VPC it names).
open_logs := [fl.address |
	some fl in flow_logs
	open(fl)
	may_record_all[traffic(fl)]
	has_destination(fl)
]

may_record_all := {"ALL": true, "unknown": true}

vpcs := [v | some t in vpc_types; some v in resources.of_type(t)]

# The VPC's flow logs as "covered", "unknown" (traffic type not readable), "open" (none shown,
# an open one may cover it), "partial" (only flow logs that miss traffic) or "none".
state(logs) := "covered" if {
	some fl in logs
	records_all(fl)
} else := "unknown" if {
	some fl in logs
	traffic(fl) == "unknown"
	has_destination(fl)
} else := "open" if {
	count(open_logs) > 0
} else := "partial" if {
	count(logs) > 0
} else := "none"

deny contains finding.new(rego.metadata.chain(), v, msg) if {
	some v in vpcs
	logs := [input.resources[k] | some k in object.get(logs_of, v.key, [])]
	msg := message(v, state(logs), logs)
}

message(v, "none", _) := sprintf("VPC %s has no flow log: no aws_flow_log names it in vpc_id (a subnet's or network interface's flow log does not cover it), so its network traffic is not recorded", [v.address])

message(v, "partial", logs) := sprintf("VPC %s has no flow log recording all its traffic to a destination: %s", [v.address, concat("; ", sort([gap(fl) | some fl in logs]))])

message(v, "unknown", logs) := sprintf("VPC %s has flow log %s with traffic_type unknown at plan time; that it records all traffic cannot be verified", [v.address, concat(", ", sort([fl.address | some fl in logs; traffic(fl) == "unknown"]))])

message(v, "open", _) := sprintf("VPC %s has no flow log shown to name it, while %s may (its vpc_id unknown at plan time); that its traffic is recorded cannot be verified", [v.address, concat(", ", sort(open_logs))])

traffic_not_named := {"ALL": true, "unset": true, "unknown": true}

gap(fl) := sprintf("%s has no log_destination or log_group_name", [fl.address]) if {
	not has_destination(fl)
} else := sprintf("%s records traffic_type %s only, not ALL", [fl.address, traffic(fl)]) if {
	not traffic_not_named[traffic(fl)]
} else := sprintf("%s has traffic_type unset (it must be ALL)", [fl.address])
