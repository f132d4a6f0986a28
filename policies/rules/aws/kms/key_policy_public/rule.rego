# METADATA
# title: KMS key policy allows every principal
# description: |
#   A key policy (aws_kms_key.policy or aws_kms_key_policy) that Allows Principal "*" (or
#   {"AWS": "*"}) without a condition restricting the caller (kms:CallerAccount,
#   kms:ViaService, aws:PrincipalOrgID …) makes the key usable by any AWS account, so the
#   encryption protects nothing.
#   Unknowns: a key without a policy gets the default policy (account root only) and
#   passes; a policy unknown at plan time or written as an expression the tool cannot read
#   is reported.
# custom:
#   id: aws-kms-key-policy-public
#   control: key-management
#   cloud: aws
#   severity: critical
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Encryption of personal information (key management); access controls
#   remediation: |
#     Name the account root, roles and services that use the key; scope service principals
#     with aws:SourceAccount / kms:ViaService; never Principal "*".
#   construct: HardenedKey
#   example: |
#     resource "aws_kms_key_policy" "orders" {
#       key_id = aws_kms_key.orders.id
#       policy = <<-JSON
#         {"Version": "2012-10-17", "Statement": [
#           {"Sid": "AccountAdmin", "Effect": "Allow", "Action": "kms:*", "Resource": "*",
#            "Principal": {"AWS": "arn:aws:iam::111122223333:root"}},
#           {"Sid": "OrdersApi", "Effect": "Allow", "Resource": "*",
#            "Action": ["kms:Decrypt", "kms:GenerateDataKey"],
#            "Principal": {"AWS": "arn:aws:iam::111122223333:role/orders-api"},
#            "Condition": {"StringEquals": {"kms:ViaService": "dynamodb.us-east-1.amazonaws.com"}}}
#         ]}
#       JSON
#     }
package leakguard.rules.aws.kms.key_policy_public

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

documents contains [k, resources.policy(k, "policy")] if {
	some k in resources.of_type("aws_kms_key")
	not resources.computed_unset(k, "policy")
}

documents contains [p, resources.policy(p, "policy")] if some p in resources.of_type("aws_kms_key_policy")

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some [r, doc] in documents
	msg := message(r, doc)
}

message(r, doc) := sprintf("Key policy of %s allows %s to every principal without a restricting condition", [r.address, concat("; ", grants)]) if {
	doc.status == "known"
	grants := resources.public_grants(doc)
	count(grants) > 0
}

message(r, doc) := sprintf("Key policy of %s cannot be read before apply; it cannot be shown not to allow every principal", [r.address]) if {
	doc.status == "unknown"
}
