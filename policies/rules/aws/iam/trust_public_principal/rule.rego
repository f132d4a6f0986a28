# METADATA
# title: IAM role trusts every principal
# description: |
#   A trust policy (assume_role_policy) that Allows Principal "*" or {"AWS": "*"} lets any
#   AWS account assume the role; conditions on such a trust are too easy to get wrong to
#   accept. Literal JSON and aws_iam_policy_document trust policies are read.
#   Unknowns: "*" is a literal; a trust policy that cannot be read at all is reported by
#   aws-iam-policy-unreadable.
# custom:
#   id: aws-iam-trust-public-principal
#   control: iam-least-privilege
#   cloud: aws
#   severity: critical
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Access controls and least privilege
#   remediation: |
#     Trust one service (Principal { Service = "x.amazonaws.com" } with aws:SourceAccount)
#     or one account/role ARN, never "*".
#   construct: ScopedRole
#   example: |
#     resource "aws_iam_role" "orders_api" {
#       name               = "orders-api"
#       assume_role_policy = <<-JSON
#         {"Version": "2012-10-17", "Statement": [{
#           "Effect": "Allow", "Action": "sts:AssumeRole",
#           "Principal": {"Service": "lambda.amazonaws.com"}
#         }]}
#       JSON
#     }
package leakguard.rules.aws.iam.trust_public_principal

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

deny contains finding.new(rego.metadata.chain(), d.resource, msg) if {
	some d in resources.trust_documents
	some s in d.doc.statements
	resources.allow(s)
	resources.public_principal(s)
	msg := sprintf("%s can be assumed by every AWS principal (trust policy Principal \"*\")", [d.label])
}
