# METADATA
# title: KMS grant gives a key to a principal outside the configured accounts
# description: |
#   An aws_kms_grant lets its grantee_principal use the key for the grant's operations
#   (Decrypt, GenerateDataKey, CreateGrant …) without any key policy statement, and grants do
#   not show in the key policy a reviewer reads. A grantee in an account that is not one of the
#   configured environment or trusted accounts (environment_accounts, trusted_account_ids)
#   can decrypt whatever the key protects, from its own account. A grantee known only after
#   apply that refers to an identity in the input (an aws_iam_role's arn) is one of the
#   estate's own; so is an AWS service principal. A grantee the plan shows is judged by its
#   account, whatever it is built from.
#   Unknowns: a grantee not readable before apply that does not refer to an identity in the
#   input, or one that names no account, cannot be shown to stay within the configured
#   accounts and is reported.
# custom:
#   id: aws-kms-grant-foreign
#   control: key-management
#   cloud: aws
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Encryption of personal information (key management); access controls
#   remediation: |
#     Grant keys only to roles of your own accounts (list them in environment_accounts or
#     trusted_account_ids), preferably by reference to the role; give another account access
#     through the key policy, where it is reviewed, with the fewest operations it needs.
#   construct: ScopedKeyGrant
#   runbook:
#     exposure: A principal outside your accounts can use the key, and so decrypt the data it protects
#     preserve:
#       - do: Record the key's grants as they are now
#         run: aws kms list-grants --key-id {{values.key_id|via.key_id.arn|fill.key-id}} --region {{region}}
#       - do: Look up the calls that used the key in the exposure window (calls from another account show its account id)
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=ResourceName,AttributeValue={{values.key_id|via.key_id.arn|fill.key-id}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Revoke the grant (data keys the grantee already decrypted are outside your control; re-encrypt what it could read)
#         run: aws kms revoke-grant --key-id {{values.key_id|via.key_id.arn|fill.key-id}} --grant-id {{values.grant_id|fill.grant-id}} --region {{region}}
#     verify:
#       - do: The grant is no longer listed
#         run: aws kms list-grants --key-id {{values.key_id|via.key_id.arn|fill.key-id}} --region {{region}}
#   example: |
#     resource "aws_iam_role" "ingest" {
#       name                 = "shop-ingest"
#       permissions_boundary = "arn:aws:iam::111122223333:policy/workload-boundary"
#       assume_role_policy = jsonencode({
#         Version   = "2012-10-17"
#         Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }]
#       })
#     }
#
#     resource "aws_kms_grant" "ingest" {
#       name              = "shop-ingest"
#       key_id            = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#       grantee_principal = aws_iam_role.ingest.arn
#       operations        = ["Encrypt", "GenerateDataKey"]
#     }
package leakguard.rules.aws.kms.grant_foreign_principal

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

deny contains finding.new(rego.metadata.chain(), g, msg) if {
	some g in resources.of_type("aws_kms_grant")
	not own_identity(g)
	msg := message(g, grantee(g))
}

identity_types := {"aws_iam_role", "aws_iam_user", "aws_iam_service_linked_role"}

# The ARN of a role or user the input creates, which only apply knows. A grantee the plan
# shows is judged by its account, whatever it refers to (a template around a role's name, a
# parameter's value); one that refers to anything else (terraform_data's output) is unknown.
own_identity(g) if {
	stores.text(g, "grantee_principal") == "unknown"
	linked := resources.linked_to(g, "grantee_principal")
	count(linked) > 0
	every r in linked {
		r.type in identity_types
	}
}

# The grantee as "inside" (a configured account or a service), "unknown", "no account" or
# its account id.
grantee(g) := "unknown" if {
	stores.text(g, "grantee_principal") == "unknown"
} else := "inside" if {
	endswith(stores.text(g, "grantee_principal"), ".amazonaws.com")
} else := "inside" if {
	resources.known_accounts[resources.principal_account(stores.text(g, "grantee_principal"))]
} else := account if {
	account := resources.principal_account(stores.text(g, "grantee_principal"))
} else := "no account"

message(g, "unknown") := sprintf("%s gives a grantee not readable before apply %s on %s; it cannot be shown to stay within the configured accounts", [g.address, operations(g), key_of(g)])

message(g, "no account") := sprintf("%s gives %s %s on %s; it names no account, so it cannot be shown to stay within the configured accounts", [g.address, resources.shown(g.values.grantee_principal), operations(g), key_of(g)])

message(g, account) := sprintf("%s gives %s %s on %s; account %s is not a configured account", [g.address, g.values.grantee_principal, operations(g), key_of(g), account]) if {
	not account in {"unknown", "inside", "no account"}
}

operations(g) := concat(", ", sort(ops)) if {
	ops := [o | some v in resources.values_at(g, "operations"); some o in resources.as_list(v); resources.literal(o)]
	count(ops) > 0
} else := "its operations"

key_of(g) := sprintf("key %s", [g.values.key_id]) if resources.literal(g.values.key_id)

else := "the key it names"
