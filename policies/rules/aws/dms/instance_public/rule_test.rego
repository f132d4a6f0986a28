package leakguard.rules.aws.dms.instance_public_test

import data.leakguard.rules.aws.dms.instance_public as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

instance(values) := t.resource("aws_dms_replication_instance.crm", object.union({"replication_instance_id": "crm-migration", "replication_instance_class": "dms.t3.large"}, values), {})

failing_input := t.with_index([instance({"publicly_accessible": true})])

test_public_fails if {
	k.summary(rule.deny) == {["aws-dms-instance-public", "test/aws_dms_replication_instance.crm", "DMS replication instance aws_dms_replication_instance.crm is publicly accessible (publicly_accessible = true): the databases it replicates pass through a public IP address"]} with input as failing_input
}

# hashicorp/aws sends publicly_accessible = false when it is not set.
test_private_or_unset_passes if {
	count(rule.deny) == 0 with input as t.with_index([instance({"publicly_accessible": false})])
	count(rule.deny) == 0 with input as t.with_index([instance({})])

	# In a plan an unset flag is computed (unknown, configured nowhere): still the provider's false.
	count(rule.deny) == 0 with input as t.with_index([k.unknown(instance({}), ["publicly_accessible"])])
}

test_unknown_fails if {
	k.summary(rule.deny) == {["aws-dms-instance-public", "test/aws_dms_replication_instance.crm", "DMS replication instance aws_dms_replication_instance.crm has publicly_accessible unknown before apply; that it has no public IP address cannot be verified"]} with input as t.with_index([instance({"publicly_accessible": "${var.public}"})])
	ref := object.union(k.unknown(instance({}), ["publicly_accessible"]), {"references": {"publicly_accessible": ["test/var.public"]}})
	count(rule.deny) == 1 with input as t.with_index([ref])
}
