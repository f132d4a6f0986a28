# METADATA
# title: KMS key policy allows every principal
# description: |
#   A key policy (aws_kms_key.policy or aws_kms_key_policy) that Allows Principal "*" (or
#   {"AWS": "*"}) without a condition restricting the caller (kms:CallerAccount,
#   aws:PrincipalOrgID …) makes the key usable by any AWS account, so the encryption protects
#   nothing. kms:ViaService alone names a service, not an account: every account's requests
#   through that service pass it (AWS's own key policies pair it with kms:CallerAccount).
#   Every principal: "*", an Allow with NotPrincipal (all but those named), or
#   cloudfront.amazonaws.com without a condition naming the distribution (every distribution
#   of every account reads through it).
#   A jsonencode() or heredoc policy that names a resource's ARN is read with the ARN as
#   "(known after apply)" (HCL, and a plan beside its folder; a plan alone leaves it unknown).
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
#     with aws:SourceAccount (kms:ViaService together with kms:CallerAccount); never Principal "*".
#   construct: HardenedKey
#   runbook:
#     exposure: The key policy lets any principal use or manage the key, so data encrypted under it is readable by whoever can reach it
#     preserve:
#       - do: Save the key policy as it is now
#         run: aws kms get-key-policy --key-id {{values.key_id|values.arn|fill.key-id}} --policy-name default --region {{region}}
#       - do: Save the grants on the key
#         run: aws kms list-grants --key-id {{values.key_id|values.arn|fill.key-id}} --region {{region}}
#       - do: Export the key's use (Decrypt, GenerateDataKey) in the exposure window
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=ResourceName,AttributeValue={{values.key_id|values.arn|fill.key-id}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Put a key policy that grants only the account and named roles
#         run: aws kms put-key-policy --key-id {{values.key_id|values.arn|fill.key-id}} --policy-name default --policy file://{{fill.key-policy.json}} --region {{region}}
#       - do: If outside use is confirmed, disable the key (every workload using it stops decrypting)
#         run: aws kms disable-key --key-id {{values.key_id|values.arn|fill.key-id}} --region {{region}}
#         destructive: true
#     verify:
#       - do: The policy has no Principal "*" statement
#         run: aws kms get-key-policy --key-id {{values.key_id|values.arn|fill.key-id}} --policy-name default --region {{region}}
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

# A list, not a set: a set hashes each whole resource (lib/resources.rego, identity_documents).
documents := array.concat(
	[[k, resources.policy(k, "policy")] | some k in resources.of_type("aws_kms_key"); not resources.computed_unset(k, "policy")],
	[[p, resources.policy(p, "policy")] | some p in resources.of_type("aws_kms_key_policy")],
)

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
