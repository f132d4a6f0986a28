package leakguard.rules.aws.dms.instance_cmk_test

import data.leakguard.rules.aws.dms.instance_cmk as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

instance(values) := t.resource("aws_dms_replication_instance.crm", object.union({"replication_instance_id": "crm-migration", "replication_instance_class": "dms.t3.large"}, values), {})

cmk := "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

failing_input := t.with_index([instance({})])

test_aws_managed_key_fails if {
	k.summary(rule.deny) == {["aws-dms-instance-cmk", "test/aws_dms_replication_instance.crm", "DMS replication instance aws_dms_replication_instance.crm is encrypted with an AWS-managed key, but it is not classified as holding no personal information: set kms_key_arn to a customer-managed key"]} with input as failing_input
	k.summary(rule.deny) == {["aws-dms-instance-cmk", "test/aws_dms_replication_instance.crm", "DMS replication instance aws_dms_replication_instance.crm is encrypted with an AWS-managed key, but it is classified pii: set kms_key_arn to a customer-managed key"]} with input as t.with_index([k.tagged(instance({"kms_key_arn": "arn:aws:kms:us-west-2:111122223333:alias/aws/dms"}), {"data-classification": "pii"})])

	# Unset in a plan: computed by the provider, the AWS-managed key.
	count(rule.deny) == 1 with input as t.with_index([k.unknown(instance({}), ["kms_key_arn"])])
}

test_cmk_or_non_pii_passes if {
	count(rule.deny) == 0 with input as t.with_index([instance({"kms_key_arn": cmk})])
	count(rule.deny) == 0 with input as t.with_index([k.tagged(instance({}), {"data-classification": "internal"})])

	# A key created in the same configuration is unknown before apply and counts as set.
	ref := object.union(k.unknown(instance({}), ["kms_key_arn"]), {"references": {"kms_key_arn": ["test/aws_kms_key.dms"]}})
	count(rule.deny) == 0 with input as t.with_index([ref])
}
