package leakguard.rules.aws.vpc.flow_logs_test

import data.leakguard.rules.aws.vpc.flow_logs as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

vpc := t.resource("aws_vpc.main", {"cidr_block": "10.0.0.0/16"}, {})

group := t.resource("aws_cloudwatch_log_group.flows", {"name": "/aws/vpc/main/flow-logs", "retention_in_days": 365}, {})

flow_log(values, refs) := t.resource("aws_flow_log.main", object.union({"log_destination_type": "cloud-watch-logs", "log_destination": "${aws_cloudwatch_log_group.flows.arn}"}, values), object.union({"log_destination": ["aws_cloudwatch_log_group.flows"]}, refs))

to_vpc := {"vpc_id": ["aws_vpc.main"]}

failing_input := t.with_index([vpc, group])

finding(msg) := {["aws-vpc-flow-logs", "test/aws_vpc.main", msg]}

test_vpc_without_flow_log_fails if {
	none := finding("VPC aws_vpc.main has no flow log: no aws_flow_log names it in vpc_id (a subnet's or network interface's flow log does not cover it), so its network traffic is not recorded")
	k.summary(rule.deny) == none with input as failing_input

	# A subnet's flow log does not cover the VPC.
	subnet := t.resource("aws_subnet.a", {"cidr_block": "10.0.1.0/24", "vpc_id": "${aws_vpc.main.id}"}, to_vpc)
	subnet_log := t.resource("aws_flow_log.subnet", {"subnet_id": "${aws_subnet.a.id}", "traffic_type": "ALL", "log_destination": "arn:aws:s3:::flow-logs"}, {"subnet_id": ["aws_subnet.a"]})
	k.summary(rule.deny) == none with input as t.with_index([vpc, subnet, subnet_log])

	# A flow log of another, existing VPC (a data source) or of a VPC named by a literal id
	# another VPC has.
	existing := k.data_source("aws_vpc.shared", {"id": "vpc-0a1b2c3d4e5f60001"})
	k.summary(rule.deny) == none with input as t.with_index([vpc, existing, group, flow_log({"vpc_id": "${data.aws_vpc.shared.id}", "traffic_type": "ALL"}, {"vpc_id": ["data.aws_vpc.shared"]})])
	k.summary(rule.deny) == none with input as t.with_index([vpc, group, flow_log({"vpc_id": "vpc-0a1b2c3d4e5f60001", "traffic_type": "ALL"}, {})])

	# The account's default VPC, managed in code.
	k.summary(rule.deny) == {["aws-vpc-flow-logs", "test/aws_default_vpc.default", "VPC aws_default_vpc.default has no flow log: no aws_flow_log names it in vpc_id (a subnet's or network interface's flow log does not cover it), so its network traffic is not recorded"]} with input as t.with_index([t.resource("aws_default_vpc.default", {}, {})])
}

test_flow_log_missing_traffic_fails if {
	k.summary(rule.deny) == finding("VPC aws_vpc.main has no flow log recording all its traffic to a destination: aws_flow_log.main records traffic_type REJECT only, not ALL") with input as t.with_index([vpc, group, flow_log({"vpc_id": "${aws_vpc.main.id}", "traffic_type": "REJECT"}, to_vpc)])
	k.summary(rule.deny) == finding("VPC aws_vpc.main has no flow log recording all its traffic to a destination: aws_flow_log.main has traffic_type unset (it must be ALL)") with input as t.with_index([vpc, group, flow_log({"vpc_id": "${aws_vpc.main.id}"}, to_vpc)])

	no_destination := t.resource("aws_flow_log.main", {"vpc_id": "${aws_vpc.main.id}", "traffic_type": "ALL"}, to_vpc)
	k.summary(rule.deny) == finding("VPC aws_vpc.main has no flow log recording all its traffic to a destination: aws_flow_log.main has no log_destination or log_group_name") with input as t.with_index([vpc, no_destination])

	# A plan shows an unset destination as computed: not a destination.
	k.summary(rule.deny) == finding("VPC aws_vpc.main has no flow log recording all its traffic to a destination: aws_flow_log.main has no log_destination or log_group_name") with input as t.with_index([vpc, k.unknown(no_destination, ["log_destination", "log_group_name", "vpc_id"])])
}

test_flow_log_recording_all_traffic_passes if {
	count(rule.deny) == 0 with input as t.with_index([vpc, group, flow_log({"vpc_id": "${aws_vpc.main.id}", "traffic_type": "ALL"}, to_vpc)])

	# Known after apply in a plan, linked by reference.
	count(rule.deny) == 0 with input as t.with_index([vpc, group, k.unknown(flow_log({"traffic_type": "ALL"}, to_vpc), ["vpc_id", "log_destination"])])

	# To S3 by a literal ARN, or the legacy log_group_name; beside a REJECT-only one.
	count(rule.deny) == 0 with input as t.with_index([vpc, t.resource("aws_flow_log.s3", {"vpc_id": "${aws_vpc.main.id}", "traffic_type": "ALL", "log_destination_type": "s3", "log_destination": "arn:aws:s3:::flow-logs"}, to_vpc)])
	count(rule.deny) == 0 with input as t.with_index([vpc, t.resource("aws_flow_log.legacy", {"vpc_id": "${aws_vpc.main.id}", "traffic_type": "ALL", "log_group_name": "flows"}, to_vpc), t.resource("aws_flow_log.rejects", {"vpc_id": "${aws_vpc.main.id}", "traffic_type": "REJECT", "log_group_name": "rejects"}, to_vpc)])

	# Through another resource's vpc_id, and by the VPC's known id (a state).
	subnet := t.resource("aws_subnet.a", {"cidr_block": "10.0.1.0/24", "vpc_id": "${aws_vpc.main.id}"}, to_vpc)
	count(rule.deny) == 0 with input as t.with_index([vpc, subnet, group, flow_log({"vpc_id": "${aws_subnet.a.vpc_id}", "traffic_type": "ALL"}, {"vpc_id": ["aws_subnet.a"]})])
	known := t.resource("aws_vpc.main", {"cidr_block": "10.0.0.0/16", "id": "vpc-0a1b2c3d4e5f60001"}, {})
	count(rule.deny) == 0 with input as t.with_index([known, group, flow_log({"vpc_id": "vpc-0a1b2c3d4e5f60001", "traffic_type": "ALL"}, {})])

	# A default VPC with its flow log.
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_default_vpc.default", {}, {}), group, flow_log({"vpc_id": "${aws_default_vpc.default.id}", "traffic_type": "ALL"}, {"vpc_id": ["aws_default_vpc.default"]})])
}

test_unknowns_are_not_verifiable if {
	k.summary(rule.deny) == finding("VPC aws_vpc.main has flow log aws_flow_log.main with traffic_type unknown at plan time; that it records all traffic cannot be verified") with input as t.with_index([vpc, group, flow_log({"vpc_id": "${aws_vpc.main.id}", "traffic_type": "${var.traffic_type}"}, to_vpc)])

	# Unknown in a plan without a reference of its own.
	count(rule.deny) == 1 with input as t.with_index([vpc, group, k.unknown(flow_log({}, to_vpc), ["traffic_type"])])

	open := finding("VPC aws_vpc.main has no flow log shown to name it, while aws_flow_log.main may (its vpc_id unknown at plan time); that its traffic is recorded cannot be verified")

	# A variable without a value (HCL), a local a plan alone does not hold, a module not checked.
	k.summary(rule.deny) == open with input as t.with_index([vpc, group, flow_log({"vpc_id": "${var.vpc_id}", "traffic_type": "ALL"}, {})])
	k.summary(rule.deny) == open with input as t.with_index([vpc, group, object.union(k.unknown(flow_log({"traffic_type": "ALL"}, {}), ["vpc_id"]), {"unlinked": ["vpc_id"]})])
	k.summary(rule.deny) == open with input as t.with_index([vpc, group, k.unknown(flow_log({"traffic_type": "ALL"}, {"vpc_id": ["module.network.aws_vpc.this"]}), ["vpc_id"])])
	k.summary(rule.deny) == open with input as t.with_index([vpc, group, k.unknown(flow_log({"traffic_type": "ALL"}, {}), ["vpc_id"])])

	# Another resource of the configuration whose vpc_id is not a VPC's.
	peer := t.resource("aws_vpc_peering_connection.p", {"peer_vpc_id": "vpc-0a1b2c3d4e5f60009"}, {})
	k.summary(rule.deny) == open with input as t.with_index([vpc, group, peer, flow_log({"vpc_id": "${aws_vpc_peering_connection.p.accepter_vpc_id}", "traffic_type": "ALL"}, {"vpc_id": ["aws_vpc_peering_connection.p"]})])

	# A value of the wrong type.
	k.summary(rule.deny) == open with input as t.with_index([vpc, group, object.union(flow_log({"traffic_type": "ALL"}, {}), {"unreadable": ["vpc_id"]})])

	# An open flow log of REJECT traffic only covers nothing.
	count(rule.deny) == 1 with input as t.with_index([vpc, group, flow_log({"vpc_id": "${var.vpc_id}", "traffic_type": "REJECT"}, {})])
	k.summary(rule.deny) != open with input as t.with_index([vpc, group, flow_log({"vpc_id": "${var.vpc_id}", "traffic_type": "REJECT"}, {})])

	# A VPC its own flow log covers stays covered beside an open one.
	count(rule.deny) == 0 with input as t.with_index([vpc, group, flow_log({"vpc_id": "${aws_vpc.main.id}", "traffic_type": "ALL"}, to_vpc), t.resource("aws_flow_log.other", {"vpc_id": "${var.vpc_id}", "traffic_type": "ALL", "log_group_name": "other"}, {})])
}
