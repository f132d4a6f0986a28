# METADATA
# title: SSM document shared publicly
# description: |
#   An aws_ssm_document whose permissions share it with account_ids "All" is public: every AWS
#   account can read its content and run it. Documents carry the commands that operate the
#   estate (with their host names, bucket names, script URLs and, too often, credentials), so
#   a public one hands strangers a map and sometimes a key. Sharing with named account ids is a
#   deliberate grant and is not reported here.
#   Unknowns: permissions or account ids not readable before apply cannot be shown not to
#   include "All" and are reported.
# custom:
#   id: aws-ssm-document-public
#   control: public-storage
#   cloud: aws
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Access controls; secure configuration of hardware and software
#   remediation: |
#     Share the document only with the account ids that run it (permissions = { type =
#     "Share", account_ids = "111122223333,444455556666" }), never "All", or not at all; keep
#     credentials out of documents (read them from Secrets Manager or SecureString parameters
#     when the document runs).
#   construct: PrivateDocument
#   runbook:
#     exposure: Every AWS account can read and run the document, and see whatever commands, names and credentials it holds
#     preserve:
#       - do: Record who the document is shared with now
#         run: aws ssm describe-document-permission --name {{values.name|fill.document-name}} --permission-type Share --region {{region}}
#       - do: Save the document content as it is now
#         run: aws ssm get-document --name {{values.name|fill.document-name}} --region {{region}}
#       - do: Look up who shared the document, and when, in the exposure window
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=EventName,AttributeValue=ModifyDocumentPermission --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Stop sharing the document publicly (rotate any credential it held, since anyone may have read it)
#         run: aws ssm modify-document-permission --name {{values.name|fill.document-name}} --permission-type Share --account-ids-to-remove All --region {{region}}
#     verify:
#       - do: AccountIds no longer lists all
#         run: aws ssm describe-document-permission --name {{values.name|fill.document-name}} --permission-type Share --region {{region}}
#   example: |
#     resource "aws_ssm_document" "rotate_logs" {
#       name          = "shop-rotate-logs"
#       document_type = "Command"
#       content = jsonencode({
#         schemaVersion = "2.2"
#         description   = "Rotate application logs"
#         mainSteps     = [{ action = "aws:runShellScript", name = "rotate", inputs = { runCommand = ["logrotate -f /etc/logrotate.conf"] } }]
#       })
#       permissions = {
#         type        = "Share"
#         account_ids = "111122223333"
#       }
#     }
package leakguard.rules.aws.ssm.document_public

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

deny contains finding.new(rego.metadata.chain(), d, msg) if {
	some d in resources.of_type("aws_ssm_document")
	msg := message(d, sharing(d))
}

# "public", "unknown", or "private" (unset, or named accounts only).
sharing(d) := "unknown" if {
	unreadable(d)
} else := "public" if {
	some id in split(stores.text(d, "permissions.account_ids"), ",")
	lower(trim_space(id)) == "all"
} else := "private"

# The provider never computes permissions: unknown before apply, they were configured from
# something only apply knows.
unreadable(d) if resources.unknown_at(d, "permissions.account_ids")

unreadable(d) if resources.unresolved(d, "permissions")

unreadable(d) if resources.unresolved(d, "permissions.account_ids")

message(d, "public") := sprintf("%s shares SSM document %s with every AWS account (permissions account_ids All): anyone can read and run it", [d.address, name_of(d)])

message(d, "unknown") := sprintf("%s has sharing permissions not readable before apply; SSM document %s cannot be shown not to be public", [d.address, name_of(d)])

name_of(d) := d.values.name if resources.literal(d.values.name)

else := "(name unknown at plan time)"
