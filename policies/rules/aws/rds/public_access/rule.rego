# METADATA
# title: RDS instance publicly accessible
# description: |
#   publicly_accessible = true gives the instance a public DNS name and address: its data,
#   and every restore of its backups, is one leaked password away from the internet.
#   Checked on aws_db_instance and on aws_rds_cluster_instance (an Aurora cluster is
#   reachable through its instances).
#   Unknowns: a flag unknown at plan time is not proven false and is reported.
# custom:
#   id: aws-rds-public
#   control: backup-protection
#   cloud: aws
#   severity: critical
#   data_stores:
#     check: public-reachability
#     types: [aws_db_instance, aws_rds_cluster]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Network monitoring and defences; segmentation
#   remediation: |
#     Set publicly_accessible = false and reach the database from private subnets.
#   construct: HardenedPostgres
#   fix:
#     summary: Make the endpoint private (publicly_accessible = false)
#     edits:
#       - set: { publicly_accessible: false }
#     cdktf:
#       option: "HardenedPostgres is never publicly accessible (no option turns it on)"
#       snippet: |
#         new HardenedPostgres(this, 'orders', { identifier: 'orders', subnetIds: privateSubnetIds, securityGroupIds: [dbSecurityGroup.id], classification: 'pii' });
#   runbook:
#     exposure: The database has a public endpoint reachable from the internet (subject only to its security groups and password)
#     preserve:
#       - do: Record the instance's network exposure now (endpoint, security groups, PubliclyAccessible)
#         run: aws rds describe-db-instances --db-instance-identifier {{values.identifier}} --region {{region}}
#       - do: Take a snapshot as evidence of the data as it was while exposed
#         run: aws rds create-db-snapshot --db-instance-identifier {{values.identifier}} --db-snapshot-identifier {{values.identifier}}-leakguard-evidence --region {{region}}
#       - do: List the database logs (connections, errors) to copy for the exposure window
#         run: aws rds describe-db-log-files --db-instance-identifier {{values.identifier}} --region {{region}}
#       - do: Look up who changed the instance in the exposure window
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=ResourceName,AttributeValue={{values.identifier}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Remove the public endpoint now, not at the next maintenance window
#         run: aws rds modify-db-instance --db-instance-identifier {{values.identifier}} --no-publicly-accessible --apply-immediately --region {{region}}
#     verify:
#       - do: PubliclyAccessible reads false
#         run: aws rds describe-db-instances --db-instance-identifier {{values.identifier}} --query "DBInstances[0].PubliclyAccessible" --region {{region}}
#   example: |
#     resource "aws_db_instance" "orders" {
#       identifier                  = "orders"
#       engine                      = "postgres"
#       instance_class              = "db.t4g.medium"
#       allocated_storage           = 50
#       username                    = "orders_admin"
#       manage_master_user_password = true
#       publicly_accessible         = false
#       db_subnet_group_name        = aws_db_subnet_group.private.name
#       vpc_security_group_ids      = [aws_security_group.db.id]
#     }
package leakguard.rules.aws.rds.public_access

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some t in ["aws_db_instance", "aws_rds_cluster_instance"]
	some r in resources.of_type(t)
	r.values.publicly_accessible == true
	msg := sprintf("RDS instance %s is publicly accessible", [r.address])
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some t in ["aws_db_instance", "aws_rds_cluster_instance"]
	some r in resources.of_type(t)
	resources.unknown_at(r, "publicly_accessible")
	msg := sprintf("RDS instance %s has publicly_accessible unknown at plan time", [r.address])
}
