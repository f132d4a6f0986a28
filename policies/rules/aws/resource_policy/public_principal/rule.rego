# METADATA
# title: Data-store resource policy allows every principal
# description: |
#   A resource policy that Allows Principal "*" (or {"AWS": "*"}) without a condition
#   restricting the caller (source account/ARN/VPC, organization …; for an EFS file system,
#   Bool elasticfilesystem:AccessedViaMountTarget = true, which AWS counts as non-public) opens the store to every
#   AWS account: SQS queues, SNS topics, Secrets Manager secrets, EFS file systems, the Glue
#   Data Catalog, Kinesis streams, DynamoDB tables, MSK clusters, Redshift and Backup vaults,
#   ECR repositories, SageMaker model package groups (models trained on customer data),
#   MediaStore containers, CodeArtifact domains and repositories, CloudWatch Logs (a resource policy open to "*" lets any account write into
#   or read the log groups it names), EventBridge event buses (any account may put events) and
#   S3 access points (standard, Object Lambda and multi-region: an access point policy open to
#   "*" lets any account read or write the bucket's objects through it, whatever the bucket
#   policy's principals; S3 Block Public Access on the access point, bucket or account may
#   refuse or override such a policy, and aws-s3-public-access-block checks the bucket's and the
#   account's, so the policy is reported as written, as a bucket policy is).
#   An aws_cloudwatch_event_permission (the default bus's policy, one statement per resource)
#   with principal "*" and no condition block (the organization, aws:PrincipalOrgID) lets
#   every AWS account put events on the bus.
#   An ECR repository policy open to every principal lets any account pull the images (and
#   the configuration and credentials baked into them) and, with push actions, replace them
#   with its own; a registry policy open to every principal lets any account replicate into or
#   create repositories in the registry.
#   Read from the stand-alone policy resources and the inline `policy` of queues, topics and
#   secrets, as JSON or through aws_iam_policy_document. S3 buckets, KMS keys and OpenSearch
#   domains have rules of their own.
#   A negated condition (StringNotEquals, ArnNotLike, NotIpAddress …), an …IfExists test or an
#   address range of /0 restricts nothing (every caller but one, or every request without the
#   key, or every address).
#   Every principal: "*", an Allow with NotPrincipal (all but those named), or
#   cloudfront.amazonaws.com without a condition naming the distribution (every distribution
#   of every account reads through it).
#   A jsonencode() or heredoc policy that names a resource's ARN is read with the ARN as
#   "(known after apply)" (HCL, and a plan beside its folder; a plan alone leaves it unknown).
#   Unknowns: a policy unknown at plan time or written as an expression the tool cannot read
#   (e.g. jsonencode of a variable) cannot be shown private and is reported; so is an event
#   permission whose principal is not readable and that has no condition.
# custom:
#   id: aws-resource-policy-public
#   control: public-storage
#   cloud: aws
#   severity: critical
#   data_stores:
#     check: public-reachability
#     types: [aws_sqs_queue, aws_sns_topic, aws_secretsmanager_secret, aws_efs_file_system, aws_glue_catalog_database, aws_kinesis_stream, aws_dynamodb_table, aws_msk_cluster, aws_redshift_cluster, aws_backup_vault]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Access controls; secure configuration of hardware and software
#   remediation: |
#     Name the accounts, roles or services that need the store instead of "*", or add a
#     condition such as aws:SourceArn, aws:SourceAccount, aws:SourceVpce or
#     aws:PrincipalOrgID. Write the policy as literal JSON or an aws_iam_policy_document.
#   construct: HardenedQueue
#   runbook:
#     exposure: The store's resource policy lets every AWS account use it; messages, secrets or records may already have been read or written by strangers
#     preserve:
#       - do: Record what IAM Access Analyzer sees as public in the account
#         run: aws accessanalyzer list-findings --analyzer-arn {{fill.analyzer-arn}} --region {{region}}
#       - do: Export the calls on the store in the exposure window (data-plane calls from other accounts show their account id)
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=ResourceName,AttributeValue={{values.arn|fill.store-arn}} --start-time {{window_start}} --end-time {{window_end}}
#       - do: Save the queue policy as it is now (SQS; other stores print theirs with their own get-policy call)
#         run: aws sqs get-queue-attributes --queue-url {{values.queue_url|fill.queue-url}} --attribute-names Policy --region {{region}}
#     contain:
#       - do: Replace the policy with one naming the intended principals (SQS queue)
#         run: aws sqs set-queue-attributes --queue-url {{values.queue_url|fill.queue-url}} --attributes file://{{fill.queue-policy-attributes.json}} --region {{region}}
#       - do: Or for an SNS topic
#         run: aws sns set-topic-attributes --topic-arn {{values.arn|fill.topic-arn}} --attribute-name Policy --attribute-value file://{{fill.topic-policy.json}} --region {{region}}
#       - do: Or for a Secrets Manager secret (refusing public policies from now on), and rotate the secret since it may have been read
#         run: aws secretsmanager put-resource-policy --secret-id {{values.secret_arn|fill.secret-arn}} --resource-policy file://{{fill.secret-policy.json}} --block-public-policy --region {{region}}
#       - do: Or for an S3 access point, replace its policy with one naming the intended principals
#         run: aws s3control put-access-point-policy --account-id {{account}} --name {{values.name|fill.access-point-name}} --policy file://{{fill.access-point-policy.json}} --region {{region}}
#       - do: Or for an EventBridge permission, remove the statement open to every account
#         run: aws events remove-permission --statement-id {{values.statement_id|fill.statement-id}} --event-bus-name {{values.event_bus_name|fill.event-bus-name}} --region {{region}}
#     verify:
#       - do: Access Analyzer reports no active public finding for the store
#         run: aws accessanalyzer list-findings --analyzer-arn {{fill.analyzer-arn}} --filter file://{{fill.active-findings-filter.json}} --region {{region}}
#   example: |
#     resource "aws_sqs_queue_policy" "orders" {
#       queue_url = "https://sqs.us-west-2.amazonaws.com/111122223333/orders"
#       policy = <<-JSON
#         {"Version": "2012-10-17", "Statement": [{
#           "Sid": "OrderEvents", "Effect": "Allow", "Action": "sqs:SendMessage",
#           "Principal": {"Service": "sns.amazonaws.com"},
#           "Resource": "arn:aws:sqs:us-west-2:111122223333:orders",
#           "Condition": {"ArnEquals": {
#             "aws:SourceArn": "arn:aws:sns:us-west-2:111122223333:order-events"}}
#         }]}
#       JSON
#     }
package leakguard.rules.aws.resource_policy.public_principal

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

# Policy-bearing resource type → [the store it guards, that store's type].
stand_alone := {
	"aws_sqs_queue_policy": ["SQS queue", "aws_sqs_queue"],
	"aws_sns_topic_policy": ["SNS topic", "aws_sns_topic"],
	"aws_secretsmanager_secret_policy": ["Secrets Manager secret", "aws_secretsmanager_secret"],
	"aws_efs_file_system_policy": ["EFS file system", "aws_efs_file_system"],
	"aws_glue_resource_policy": ["Glue Data Catalog", "aws_glue_catalog_database"],
	"aws_kinesis_resource_policy": ["Kinesis stream", "aws_kinesis_stream"],
	"aws_dynamodb_resource_policy": ["DynamoDB table", "aws_dynamodb_table"],
	"aws_msk_cluster_policy": ["MSK cluster", "aws_msk_cluster"],
	"aws_redshift_resource_policy": ["Redshift cluster", "aws_redshift_cluster"],
	"aws_redshiftserverless_resource_policy": ["Redshift Serverless snapshot", "aws_redshiftserverless_snapshot"],
	"aws_backup_vault_policy": ["Backup vault", "aws_backup_vault"],
	"aws_ecr_repository_policy": ["ECR repository", "aws_ecr_repository"],
	"aws_ecr_registry_policy": ["ECR registry", "aws_ecr_repository"],
	"aws_cloudwatch_log_resource_policy": ["CloudWatch Logs", "aws_cloudwatch_log_group"],
	"aws_cloudwatch_event_bus_policy": ["EventBridge event bus", "aws_cloudwatch_event_bus"],
	"aws_s3control_access_point_policy": ["S3 access point", "aws_s3_access_point"],
	"aws_s3control_object_lambda_access_point_policy": ["S3 Object Lambda access point", "aws_s3control_object_lambda_access_point"],
	"aws_sagemaker_model_package_group_policy": ["SageMaker model package group", "aws_sagemaker_model_package_group"],
	"aws_media_store_container_policy": ["MediaStore container", "aws_media_store_container"],
	"aws_codeartifact_domain_permissions_policy": ["CodeArtifact domain", "aws_codeartifact_domain"],
	"aws_codeartifact_repository_permissions_policy": ["CodeArtifact repository", "aws_codeartifact_repository"],
}

# Where a policy resource holds its document, where not in `policy`.
attribute := {
	"aws_cloudwatch_log_resource_policy": "policy_document",
	"aws_sagemaker_model_package_group_policy": "resource_policy",
	"aws_codeartifact_domain_permissions_policy": "policy_document",
	"aws_codeartifact_repository_permissions_policy": "policy_document",
}

# Stores that also take their policy inline.
inline := {
	"aws_sqs_queue": "SQS queue",
	"aws_sns_topic": "SNS topic",
	"aws_secretsmanager_secret": "Secrets Manager secret",
	"aws_s3_access_point": "S3 access point",
}

# Stand-alone policies, and the inline policy unless the provider only computes it from a
# separate policy resource. A list, not a set: a set hashes each whole resource
# (lib/resources.rego, identity_documents).
policies := array.concat(
	[[r, kind, object.get(attribute, t, "policy")] | some t, [kind, _] in stand_alone; some r in resources.of_type(t)],
	[[r, kind, "policy"] | some t, kind in inline; some r in resources.of_type(t); not resources.computed_unset(r, "policy")],
)

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some [r, kind, attr] in policies
	msg := message(r, kind, resources.policy(r, attr))
}

# A multi-region access point's policy sits in its details block: read as a top-level policy
# of a view holding only that value, its references and whether it is unknown.
deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_s3control_multi_region_access_point_policy")
	msg := message(r, "S3 multi-region access point", resources.policy(details_policy(r), "policy"))
}

details_policy(r) := {
	"key": r.key,
	"values": {"policy": first([v | some v in resources.values_at(r, "details.policy")])},
	"references": {"policy": object.get(r.references, "details.policy", [])},
	"unknown": ["policy" | resources.unknown_at(r, "details.policy")],
}

message(r, kind, doc) := sprintf("%s (%s policy) allows %s to every principal without a restricting condition", [r.address, kind, concat("; ", grants)]) if {
	doc.status == "known"
	grants := resources.public_grants(doc)
	count(grants) > 0
}

message(r, kind, doc) := sprintf("%s (%s policy) cannot be read before apply; it cannot be shown not to allow every principal", [r.address, kind]) if {
	doc.status == "unknown"
}

first(vs) := vs[0] if count(vs) > 0

else := null

# EventBridge permissions: the statement as arguments. Only aws:PrincipalOrgID can be a
# condition, so any condition block limits "*" to an organization.
deny contains finding.new(rego.metadata.chain(), p, msg) if {
	some p in resources.of_type("aws_cloudwatch_event_permission")
	count(resources.blocks_at(p, "condition")) == 0
	msg := event_message(p, stores.text(p, "principal"))
}

event_message(p, "*") := sprintf("%s (EventBridge event bus permission) lets every AWS account put events on %s (principal \"*\" without a condition)", [p.address, bus_of(p)])

event_message(p, "unknown") := sprintf("%s (EventBridge event bus permission) has a principal not readable before apply and no condition; it cannot be shown not to let every AWS account put events on %s", [p.address, bus_of(p)])

# The provider plans an unset bus as "default".
bus_of(p) := "the default event bus" if {
	object.get(p.values, "event_bus_name", null) in {null, "default"}
} else := sprintf("event bus %s", [p.values.event_bus_name]) if {
	resources.literal(p.values.event_bus_name)
} else := "the event bus it names"
