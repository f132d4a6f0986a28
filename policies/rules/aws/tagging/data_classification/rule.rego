# METADATA
# title: AWS data store not classified and owned
# description: |
#   The inventory of personal information starts from tags: every data-bearing resource
#   (aws_data_resource_types: S3, RDS, DynamoDB, EBS, EFS, …) carries a data-classification
#   tag with an allowed value (allowed_classifications) plus owner and environment
#   (ownership_tag_keys). Provider default_tags count.
#   Unknowns: tags unknown at plan time cannot be shown present and are reported.
# custom:
#   id: aws-data-classification-tags
#   control: data-classification
#   cloud: aws
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.100(e) (reasonable security for personal information)
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Inventory and management of personal information
#   remediation: |
#     Tag the resource (or the provider's default_tags) with data-classification =
#     public|internal|confidential|pii, owner and environment.
#   construct: HardenedBucket
#   example: |
#     provider "aws" {
#       region = "us-east-1"
#       default_tags {
#         tags = { owner = "orders-team", environment = "prod" }
#       }
#     }
#
#     resource "aws_dynamodb_table" "orders" {
#       name = "orders"
#       # ... billing_mode, hash_key, attribute ...
#       tags = { "data-classification" = "pii" } # public | internal | confidential | pii
#     }
package leakguard.rules.aws.tagging.data_classification

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some t in config.settings.aws_data_resource_types
	some r in resources.of_type(t)
	msg := message(r)
}

message(r) := sprintf("%s has tags unknown at plan time; its classification and owner cannot be shown", [r.address]) if {
	resources.unknown_at(r, "tags")
	count(resources.classification_problems(r)) > 0
}

message(r) := sprintf("Data store %s is not classified and owned: %s", [r.address, concat("; ", sort(problems))]) if {
	not resources.unknown_at(r, "tags")
	problems := resources.classification_problems(r)
	count(problems) > 0
}
