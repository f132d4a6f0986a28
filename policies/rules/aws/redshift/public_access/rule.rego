# METADATA
# title: Redshift cluster or Serverless workgroup publicly accessible
# description: |
#   A publicly accessible warehouse gets a public endpoint: every customer table in it is one
#   leaked password away from the internet. hashicorp/aws 5.x makes aws_redshift_cluster
#   publicly accessible unless publicly_accessible = false; an
#   aws_redshiftserverless_workgroup is private unless publicly_accessible = true.
#   Unknowns: a flag not readable before apply is reported.
# custom:
#   id: aws-redshift-public
#   control: public-storage
#   cloud: aws
#   severity: critical
#   data_stores:
#     check: public-reachability
#     types: [aws_redshift_cluster, aws_redshiftserverless_workgroup]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Network monitoring and defences; segmentation
#   remediation: |
#     Set publicly_accessible = false and reach the warehouse from private subnets.
#   construct: PrivateWarehouse
#   fix:
#     summary: Make the endpoint private (publicly_accessible = false)
#     edits:
#       - set: { publicly_accessible: false }
#     cdktf:
#       option: "PrivateWarehouse is never publicly accessible (no option turns it on)"
#       snippet: |
#         new PrivateWarehouse(this, 'analytics', { identifier: 'analytics', masterUsername: 'analytics_admin', subnetIds: privateSubnetIds, securityGroupIds: [warehouseSecurityGroup.id] });
#   runbook:
#     exposure: The warehouse has a public endpoint reachable from the internet
#     preserve:
#       - do: Record the cluster's exposure now (endpoint, VPC security groups, PubliclyAccessible)
#         run: aws redshift describe-clusters --cluster-identifier {{values.cluster_identifier}} --region {{region}}
#       - do: Take a snapshot as evidence of the data as it was while exposed
#         run: aws redshift create-cluster-snapshot --cluster-identifier {{values.cluster_identifier}} --snapshot-identifier {{values.cluster_identifier}}-leakguard-evidence --region {{region}}
#       - do: Find where the connection and user-activity logs go, and copy them for the exposure window
#         run: aws redshift describe-logging-status --cluster-identifier {{values.cluster_identifier}} --region {{region}}
#       - do: Look up who changed the cluster in the exposure window
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=ResourceName,AttributeValue={{values.cluster_identifier}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Remove the public endpoint
#         run: aws redshift modify-cluster --cluster-identifier {{values.cluster_identifier}} --no-publicly-accessible --region {{region}}
#     verify:
#       - do: PubliclyAccessible reads false
#         run: aws redshift describe-clusters --cluster-identifier {{values.cluster_identifier}} --query "Clusters[0].PubliclyAccessible" --region {{region}}
#   example: |
#     resource "aws_redshift_cluster" "analytics" {
#       cluster_identifier     = "analytics"
#       node_type              = "ra3.xlplus"
#       master_username        = "analytics_admin"
#       manage_master_password = true
#       publicly_accessible    = false
#     }
package leakguard.rules.aws.redshift.public_access

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

# Type → [label, whether an unset flag means public].
kinds := {
	"aws_redshift_cluster": ["Redshift cluster", true],
	"aws_redshiftserverless_workgroup": ["Redshift Serverless workgroup", false],
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some t, [label, public_by_default] in kinds
	some r in resources.of_type(t)
	msg := message(r, label, stores.setting(r, "publicly_accessible"), public_by_default)
}

message(r, label, "on", _) := sprintf("%s %s is publicly accessible", [label, r.address])

message(r, label, "unset", true) := sprintf("%s %s is publicly accessible (publicly_accessible defaults to true)", [label, r.address])

message(r, label, "unknown", _) := sprintf("%s %s has publicly_accessible unknown before apply", [label, r.address])
