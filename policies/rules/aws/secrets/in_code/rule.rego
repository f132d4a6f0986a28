# METADATA
# title: Credential written into AWS configuration
# description: |
#   A secret written into configuration is readable by everyone with access to the
#   repository, the plan or the state, and it stays in their history after rotation. Looked
#   for in EC2 user_data (also base64, launch templates and launch configurations), Lambda
#   environment variables, ECS container definitions, Batch job definitions (single-node,
#   multinode, ECS and EKS containers), Step Functions definitions, EventBridge connections'
#   API keys and invocation parameters, Beanstalk settings, S3 objects
#   the configuration uploads (content),
#   resource tags, provider blocks, what provisioners and their connection blocks write (any
#   resource, terraform_data and null_resource included), and the master credentials of data stores
#   written as literals (RDS and Aurora, Redshift, DocumentDB and DocumentDB Elastic,
#   Lightsail databases, OpenSearch, ElastiCache and MemoryDB users, MQ, DMS, Directory
#   Service, FSx administrators, DataSync SMB, CodeBuild source tokens, Amplify basic auth;
#   their write-only forms too, master_password_wo and the like: kept out of plan and state,
#   not out of the repository),
#   KMS key material imported from a literal, a Secrets Manager secret version's or an SSM
#   SecureString parameter's value written as a literal (a String parameter's value only where
#   its form shows a secret: an access key, a private key) (also a literal passed into the module that holds them, through
#   its variables, locals or for_each, or a root variable whose value the code gives: its
#   default, or a terraform.tfvars / *.auto.tfvars file of the folder, which Terraform loads by
#   itself; a root variable given at plan time (-var, TF_VAR_, a tfvars file passed in) or a
#   reference passes them as it should; a plan alone shows a default, not where another value
#   came from):
#   AWS access keys and secret keys, private
#   keys, connection strings and URLs with passwords, vendor tokens (secretlint's
#   recommended patterns), values whose name announces a secret (DB_PASSWORD=…), and long
#   random tokens (secret_generic_min_length, secret_generic_min_entropy). Findings show the
#   kind, the attribute and a short fingerprint, never the secret.
#   Unknowns: values unknown at plan time or marked sensitive are not in the configuration
#   text and are not reported; references to other resources are not secrets. A credential a
#   plan hides and builds from a local value or each.value is listed as not checked.
# custom:
#   id: aws-secret-in-code
#   control: secret-in-code
#   cloud: aws
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Account and credential management; access controls
#   remediation: |
#     Rotate the credential now (it is in the repository's history), store it in Secrets
#     Manager or SSM Parameter Store (SecureString), and pass a reference: the secret's ARN in
#     an environment variable, `secrets` in ECS container definitions, an instance role
#     instead of access keys in user_data, and provider credentials from the environment.
#   construct: IamAuthFunction
#   runbook:
#     exposure: A credential is written in the configuration, so it sits in the repository, the plan, the state and the resource (user data, environment); everyone with any of them has it
#     preserve:
#       - do: Record when and where the access key was last used (for an AWS key; other secrets in their own service's logs)
#         run: aws iam get-access-key-last-used --access-key-id {{fill.access-key-id}}
#       - do: Export every API call made with the key in the exposure window
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=AccessKeyId,AttributeValue={{fill.access-key-id}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Deactivate the key now (reversible while you confirm nothing legitimate breaks)
#         run: aws iam update-access-key --user-name {{fill.key-owner-user-name}} --access-key-id {{fill.access-key-id}} --status Inactive
#       - do: Rotate every other credential in the text (database passwords, tokens) and store the new ones in Secrets Manager
#         run: aws secretsmanager put-secret-value --secret-id {{fill.secret-name}} --secret-string file://{{fill.new-secret.json}} --region {{region}}
#       - do: Delete the leaked key once the workload reads its credentials from a role or Secrets Manager
#         run: aws iam delete-access-key --user-name {{fill.key-owner-user-name}} --access-key-id {{fill.access-key-id}}
#         destructive: true
#     verify:
#       - do: The leaked key is gone or Inactive
#         run: aws iam list-access-keys --user-name {{fill.key-owner-user-name}}
#   example: |
#     resource "aws_lambda_function" "orders" {
#       function_name = "orders"
#       role          = aws_iam_role.orders.arn
#       runtime       = "nodejs20.x"
#       handler       = "index.handler"
#       filename      = "orders.zip"
#       environment {
#         variables = {
#           DB_SECRET_ARN = aws_secretsmanager_secret.orders_db.arn
#         }
#       }
#     }
package leakguard.rules.aws.secrets.in_code

import data.leakguard.lib.finding
import data.leakguard.lib.secrets
import rego.v1

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in secrets.holders
	r.cloud == "aws"
	cs := secrets.in_resource(r)
	count(cs) > 0
	msg := sprintf("%s holds %s in its configuration", [r.address, secrets.describe(cs)])
}

# A resource of no cloud (terraform_data, null_resource) runs its provisioners where the
# configuration is applied: what they write is in the code all the same (an audit: a Cognito
# password set by a local-exec command).
deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in secrets.holders
	r.cloud == "other"
	cs := {c | some c in secrets.in_resource(r); secrets.under(c.path, ["provisioner"])}
	count(cs) > 0
	msg := sprintf("%s holds %s in its configuration", [r.address, secrets.describe(cs)])
}

deny contains finding.new(rego.metadata.chain(), subject, msg) if {
	some [stack, p] in secrets.providers_with_secrets("aws")
	subject := secrets.provider_subject(stack, p)
	msg := sprintf("Provider %s in stack %s holds %s in its configuration", [p.key, stack.name, secrets.describe(secrets.in_provider(p))])
}
