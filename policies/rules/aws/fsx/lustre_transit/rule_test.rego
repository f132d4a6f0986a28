package leakguard.rules.aws.fsx.lustre_transit_test

import data.leakguard.rules.aws.fsx.lustre_transit as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

fs(values) := t.resource("aws_fsx_lustre_file_system.features", object.union({"storage_capacity": 1200}, values), {})

failing_input := t.with_index([fs({})])

test_scratch_1_fails if {
	k.summary(rule.deny) == {["aws-fsx-lustre-transit", "test/aws_fsx_lustre_file_system.features", "FSx for Lustre file system aws_fsx_lustre_file_system.features serves its files in clear: a SCRATCH_1 (deployment_type not set) deployment never encrypts data in transit"]} with input as failing_input
	k.summary(rule.deny) == {["aws-fsx-lustre-transit", "test/aws_fsx_lustre_file_system.features", "FSx for Lustre file system aws_fsx_lustre_file_system.features serves its files in clear: a SCRATCH_1 deployment never encrypts data in transit"]} with input as t.with_index([fs({"deployment_type": "SCRATCH_1"})])
}

test_encrypting_deployments_pass if {
	every d in ["SCRATCH_2", "PERSISTENT_1", "PERSISTENT_2"] {
		count(rule.deny) == 0 with input as t.with_index([fs({"deployment_type": d})])
	}
}

test_unknown_fails if {
	k.summary(rule.deny) == {["aws-fsx-lustre-transit", "test/aws_fsx_lustre_file_system.features", "FSx for Lustre file system aws_fsx_lustre_file_system.features has deployment_type unknown before apply; whether it encrypts data in transit cannot be verified"]} with input as t.with_index([fs({"deployment_type": "${var.kind}"})])
}
