# METADATA
# title: DMS replication instance publicly accessible
# description: |
#   A replication instance reads whole customer databases (full load and ongoing change
#   capture) and writes them to the target; with publicly_accessible = true it gets a public IP
#   address, and the copy of every table passes through a host reachable from the internet
#   (only its security groups stand in the way). Terraform sends publicly_accessible on every
#   create, so an unset flag creates a private instance: hashicorp/aws documents
#   publicly_accessible as "Default: false" (the DMS API's own default, used by the console and
#   CLI when the field is omitted, is true).
#   Unknowns: a flag not readable before apply is reported.
# custom:
#   id: aws-dms-instance-public
#   control: public-storage
#   cloud: aws
#   severity: critical
#   data_stores:
#     check: public-reachability
#     types: [aws_dms_replication_instance]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Network monitoring and defences; segmentation
#   remediation: |
#     Set publicly_accessible = false and place the instance in a replication subnet group of
#     private subnets; reach on-premises or other-VPC databases through VPN, Direct Connect or
#     peering instead of a public address.
#   construct: PrivateReplicationInstance
#   fix:
#     summary: Make the replication instance private (publicly_accessible = false; the instance is replaced)
#     edits:
#       - set: { publicly_accessible: false }
#   runbook:
#     exposure: The replication instance has a public IP address; the databases it reads and writes pass through a host reachable from the internet
#     preserve:
#       - do: Record the instance's exposure now (public IP addresses, security groups, subnet group, PubliclyAccessible)
#         run: aws dms describe-replication-instances --filters Name=replication-instance-id,Values={{values.replication_instance_id}} --region {{region}}
#       - do: List the replication tasks that ran on it (what was copied, from which endpoints)
#         run: aws dms describe-replication-tasks --filters Name=replication-instance-arn,Values={{values.replication_instance_arn|fill.replication-instance-arn}} --region {{region}}
#       - do: Look up who created or changed the instance in the exposure window
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=ResourceName,AttributeValue={{values.replication_instance_id}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Remove the ingress rules that admit the internet to the instance's security group (publicly_accessible cannot be changed in place)
#         run: aws ec2 revoke-security-group-ingress --group-id {{fill.security-group-id}} --ip-permissions file://{{fill.public-ingress.json}} --region {{region}}
#       - do: Stop the replication tasks until the instance is replaced by a private one (publicly_accessible = false)
#         run: aws dms stop-replication-task --replication-task-arn {{fill.replication-task-arn}} --region {{region}}
#     verify:
#       - do: The replacement instance reads PubliclyAccessible false
#         run: aws dms describe-replication-instances --filters Name=replication-instance-id,Values={{values.replication_instance_id}} --query "ReplicationInstances[0].PubliclyAccessible" --region {{region}}
#   example: |
#     resource "aws_dms_replication_instance" "orders" {
#       replication_instance_id     = "orders-migration"
#       replication_instance_class  = "dms.t3.large"
#       replication_subnet_group_id = "orders-private"
#       kms_key_arn                 = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#       publicly_accessible         = false
#     }
package leakguard.rules.aws.dms.instance_public

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_dms_replication_instance")
	msg := message(r, stores.setting(r, "publicly_accessible"))
}

message(r, "on") := sprintf("DMS replication instance %s is publicly accessible (publicly_accessible = true): the databases it replicates pass through a public IP address", [r.address])

message(r, "unknown") := sprintf("DMS replication instance %s has publicly_accessible unknown before apply; that it has no public IP address cannot be verified", [r.address])
