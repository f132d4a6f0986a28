# METADATA
# title: Cognito user pool that can be deleted with every customer account
# description: |
#   A user pool holds the shop's customer accounts (emails, phone numbers, addresses, the
#   attributes sign-up collects), and Cognito keeps no backup of it: a terraform destroy, a
#   renamed resource that Terraform replaces, or a leaked admin key deletes every account for
#   good. deletion_protection = "ACTIVE" makes DeleteUserPool fail until it is switched off;
#   it is INACTIVE when left out.
#   Unknowns: a deletion_protection set but not readable before apply is reported as not
#   verifiable.
# custom:
#   id: aws-cognito-deletion-protection
#   control: backup-protection
#   cloud: aws
#   severity: high
#   data_stores:
#     check: backups
#     types: [aws_cognito_user_pool]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.100(e) (reasonable security of the personal information a business keeps)
#   audit_component: Business continuity and disaster recovery (backups)
#   remediation: |
#     Set deletion_protection = "ACTIVE" on the aws_cognito_user_pool, and keep a scheduled
#     export of the users (ListUsers) where the accounts must survive a region's loss.
#   construct: CustomerUserPool
#   fix:
#     summary: Protect the user pool from deletion
#     edits:
#       - set: { deletion_protection: '"ACTIVE"' }
#     cdktf:
#       option: "deletion protection is always ACTIVE in CustomerUserPool"
#       snippet: |
#         new CustomerUserPool(this, 'shoppers', { name: 'shoppers', classification: 'pii' });
#   runbook:
#     exposure: Whoever can call DeleteUserPool (a terraform destroy, a replacement, a leaked admin key) deletes every customer account, and Cognito has no backup to restore them from
#     preserve:
#       - do: Record the pool's configuration as it is now
#         run: aws cognito-idp describe-user-pool --user-pool-id {{fill.user-pool-id}} --region {{region}}
#       - do: Record who changed or tried to delete the pool during the exposure window
#         run: aws cloudtrail lookup-events --lookup-attributes AttributeKey=ResourceName,AttributeValue={{fill.user-pool-id}} --start-time {{window_start}} --end-time {{window_end}} --region {{region}}
#       - do: Export the user list (attributes only; Cognito never exports passwords) so accounts could be re-created
#         run: aws cognito-idp list-users --user-pool-id {{fill.user-pool-id}} --region {{region}}
#     contain:
#       - do: Set deletion_protection = "ACTIVE" in the code and apply it. Do not switch it by hand with update-user-pool, which resets every setting the call does not repeat
#     verify:
#       - do: DeletionProtection reads ACTIVE
#         run: aws cognito-idp describe-user-pool --user-pool-id {{fill.user-pool-id}} --query UserPool.DeletionProtection --region {{region}}
#   example: |
#     resource "aws_cognito_user_pool" "shoppers" {
#       name                = "shoppers"
#       deletion_protection = "ACTIVE"
#       mfa_configuration   = "OPTIONAL"
#
#       software_token_mfa_configuration {
#         enabled = true
#       }
#     }
package leakguard.rules.aws.cognito.deletion_protection

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

pools := resources.of_type("aws_cognito_user_pool")

unknown(p) if resources.unresolved(p, "deletion_protection")

unknown(p) if {
	resources.unknown_at(p, "deletion_protection")
	not resources.computed_unset(p, "deletion_protection")
}

# Left out, the provider's default.
setting(p) := upper(object.get(p.values, "deletion_protection", "INACTIVE")) if is_string(object.get(p.values, "deletion_protection", "INACTIVE"))

setting(p) := "INACTIVE" if p.values.deletion_protection == null

deny contains finding.new(rego.metadata.chain(), p, msg) if {
	some p in pools
	not unknown(p)
	setting(p) != "ACTIVE"
	msg := sprintf("Cognito user pool %s can be deleted with every customer account in it (deletion_protection INACTIVE); a user pool has no backup to restore them from", [p.address])
}

deny contains finding.new(rego.metadata.chain(), p, msg) if {
	some p in pools
	unknown(p)
	msg := sprintf("Cognito user pool %s has a deletion_protection unknown at plan time; that the customer accounts cannot be deleted with it cannot be verified", [p.address])
}
