# METADATA
# title: PII log group without a data-protection (masking) policy
# description: |
#   Log groups classified as personal information (data-classification tag in the
#   configured PII values) need an aws_cloudwatch_log_data_protection_policy (linked by
#   reference or naming the group), so e-mail addresses, card numbers and similar
#   identifiers are audited and masked for everyone without logs:Unmask.
#   Unknowns: a policy linked by reference counts even when the group name is unknown at
#   plan time.
# custom:
#   id: aws-log-group-data-protection
#   control: log-retention
#   cloud: aws
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.100(e) (reasonable security for personal information)
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Inventory and management of personal information; access controls
#   remediation: |
#     Add aws_cloudwatch_log_data_protection_policy { log_group_name = the group,
#     policy_document with Audit and Deidentify statements for the data identifiers }.
#   construct: BoundedLogGroup
#   example: |
#     locals {
#       prefix = "arn:aws:dataprotection::aws:data-identifier"
#       pii    = ["${local.prefix}/EmailAddress", "${local.prefix}/CreditCardNumber"]
#     }
#
#     resource "aws_cloudwatch_log_data_protection_policy" "orders" {
#       log_group_name = aws_cloudwatch_log_group.orders.name # tagged data-classification = pii
#       policy_document = jsonencode({
#         Name = "mask-pii", Version = "2021-06-01"
#         Statement = [
#           { DataIdentifier = local.pii, Operation = { Audit = { FindingsDestination = {} } } },
#           { DataIdentifier = local.pii, Operation = { Deidentify = { MaskConfig = {} } } },
#         ]
#       })
#     }
package leakguard.rules.aws.cloudwatch.log_group_data_protection

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

t := "aws_cloudwatch_log_data_protection_policy"

protected_names contains name if {
	some p in resources.of_type(t)
	name := p.values.log_group_name
	resources.literal(name)
}

protected(r) if count(resources.linked_from(r, t, "log_group_name")) > 0

protected(r) if protected_names[r.values.name]

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_cloudwatch_log_group")
	resources.is_pii(r)
	not protected(r)
	msg := sprintf("Log group %s holds %s data but has no data-protection policy masking it", [r.address, resources.classification(r)])
}
