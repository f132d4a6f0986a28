# METADATA
# title: Data store shared through AWS RAM outside the configured accounts
# description: |
#   AWS Resource Access Manager hands a resource to other accounts without any resource
#   policy: an SSM parameter (advanced tier), an Aurora cluster or a Glue catalog in a
#   resource share (aws_ram_resource_association) can be read by every principal the share
#   is associated with (aws_ram_principal_association). A share holding a data store (a
#   resource of a data-store type, or an ARN of SSM parameters, Secrets Manager, RDS or Glue)
#   is reported when a principal's account (an account id, or the account in a role, user,
#   organization or OU ARN) is not one of the configured environment or trusted accounts
#   (environment_accounts, trusted_account_ids), and when the share sets
#   allow_external_principals = true (default false, which keeps it inside the
#   organization) while any of its principals is outside those accounts or none is in the
#   input.
#   Unknowns: a principal, a flag or a shared resource ARN not readable before apply is
#   reported (a resource ARN that cannot be read cannot be shown not to be a data store);
#   a share not in the input is not judged through its associations (what it holds is not
#   known), and a resource ARN that refers to a resource in the input that is not a data
#   store (a subnet) is not a data store.
# custom:
#   id: aws-ram-share-external
#   control: public-storage
#   cloud: aws
#   severity: critical
#   data_stores:
#     check: public-reachability
#     types: [aws_ssm_parameter]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Access controls; account and credential management
#   remediation: |
#     Associate the share only with your own accounts or organization (list them in
#     environment_accounts or trusted_account_ids) and keep allow_external_principals = false;
#     keep credentials in Secrets Manager with a resource policy naming the accounts that need
#     them rather than sharing parameters.
#   construct: HardenedSecret
#   runbook:
#     exposure: Principals outside your own accounts can read the shared data store (an SSM parameter, a database cluster, a catalog) through AWS RAM, with no resource policy in the way
#     preserve:
#       - do: Record who the share is given to now
#         run: aws ram list-principals --resource-owner SELF --resource-share-arns {{values.resource_share_arn|values.arn|fill.resource-share-arn}} --region {{region}}
#       - do: Record what the share holds
#         run: aws ram list-resources --resource-owner SELF --resource-share-arns {{values.resource_share_arn|values.arn|fill.resource-share-arn}} --region {{region}}
#       - do: Look up who associated principals with shares, and when, in the exposure window
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=EventName,AttributeValue=AssociateResourceShare --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Remove the outside principal from the share (what it already read is outside your control; report it)
#         run: aws ram disassociate-resource-share --resource-share-arn {{values.resource_share_arn|values.arn|fill.resource-share-arn}} --principals {{values.principal|fill.principal}} --region {{region}}
#       - do: Keep the share inside the organization from now on
#         run: aws ram update-resource-share --resource-share-arn {{values.resource_share_arn|values.arn|fill.resource-share-arn}} --no-allow-external-principals --region {{region}}
#     verify:
#       - do: Only your own accounts, or your organization, remain as principals
#         run: aws ram list-principals --resource-owner SELF --resource-share-arns {{values.resource_share_arn|values.arn|fill.resource-share-arn}} --region {{region}}
#   fix:
#     summary: Keep the share inside the organization
#     edits:
#       - on: aws_ram_resource_share
#         set: { allow_external_principals: 'false' }
#   example: |
#     resource "aws_ram_resource_share" "config" {
#       name                      = "shop-config"
#       allow_external_principals = false
#     }
#
#     resource "aws_ram_resource_association" "config" {
#       resource_arn       = "arn:aws:ssm:us-west-2:111122223333:parameter/shop/feature-flags"
#       resource_share_arn = aws_ram_resource_share.config.arn
#     }
package leakguard.rules.aws.ram.external_share

import data.leakguard.lib.data_stores
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

# ARN service → the data store an ARN of it names (arn:aws:<service>:<region>:<account>:…).
arn_services := {
	"ssm": "SSM parameter",
	"secretsmanager": "Secrets Manager secret",
	"rds": "RDS/Aurora database",
	"glue": "Glue Data Catalog",
}

# What one resource association shares, in words; undefined when it is not a data store.
shared_store(a) := sprintf("%s %s", [data_stores.types[t.type], t.address]) if {
	some t in resources.linked_to(a, "resource_arn")
	data_stores.types[t.type]
} else := sprintf("%s %s", [arn_services[parts[2]], arn]) if {
	not resources.references_under(a, "resource_arn")
	arn := stores.text(a, "resource_arn")
	parts := split(arn, ":")
	count(parts) >= 6
	parts[0] == "arn"
} else := "a resource not readable before apply" if {
	stores.text(a, "resource_arn") == "unknown"
	count(resources.linked_to(a, "resource_arn")) == 0
}

# Shares in the input that hold a data store → what they hold.
holding[s.key] contains store if {
	some a in resources.of_type("aws_ram_resource_association")
	some s in resources.linked_to_type(a, "resource_share_arn", "aws_ram_resource_share")
	store := shared_store(a)
}

held(s) := concat(", ", sort(holding[s.key]))

# A principal as "inside" (a configured account), "unknown" or the account outside.
principal_state(p) := "unknown" if {
	stores.text(p, "principal") == "unknown"
} else := "inside" if {
	resources.known_accounts[resources.principal_account(stores.text(p, "principal"))]
} else := resources.principal_account(stores.text(p, "principal"))

principals(s) := resources.referrers(s, "aws_ram_principal_association")

deny contains finding.new(rego.metadata.chain(), p, msg) if {
	some p in resources.of_type("aws_ram_principal_association")
	some s in resources.linked_to_type(p, "resource_share_arn", "aws_ram_resource_share")
	holding[s.key]
	msg := principal_message(p, s, principal_state(p))
}

principal_message(p, s, "unknown") := sprintf("%s gives a principal not readable before apply the share %s (%s); it cannot be shown to stay within the configured accounts", [p.address, s.address, held(s)])

principal_message(p, s, account) := sprintf("%s gives %s the share %s (%s); account %s is not a configured account", [p.address, stores.text(p, "principal"), s.address, held(s), account]) if {
	not account in {"unknown", "inside"}
}

# The share may reach accounts outside the organization: some principal is outside the
# configured accounts (or unreadable), or none is in the input to show otherwise.
open_beyond_configured(s) if count(principals(s)) == 0

open_beyond_configured(s) if {
	some p in principals(s)
	principal_state(p) != "inside"
}

deny contains finding.new(rego.metadata.chain(), s, msg) if {
	some s in resources.of_type("aws_ram_resource_share")
	holding[s.key]
	msg := share_message(s, stores.setting(s, "allow_external_principals"))
}

share_message(s, "unknown") := sprintf("%s has allow_external_principals not readable before apply; the share (%s) cannot be shown to stay inside the organization", [s.address, held(s)])

share_message(s, "on") := sprintf("%s sets allow_external_principals = true: the share (%s) can be given to accounts outside the organization", [s.address, held(s)]) if {
	open_beyond_configured(s)
}
