# METADATA
# title: DAX cluster caches DynamoDB items unencrypted at rest or in transit
# description: |
#   A DAX cluster holds copies of the DynamoDB items its applications read and write
#   (customer records, carts, sessions) on its nodes. Both protections are off by default:
#   server_side_encryption { enabled = true } encrypts the node storage (with a key AWS owns;
#   DAX takes no customer-managed key), and cluster_endpoint_encryption_type = "TLS" makes the
#   endpoint refuse plain-text clients ("NONE", the default, lets every item cross the VPC in
#   clear). Neither can change after creation (the cluster is replaced).
#   Unknowns: an encryption flag or endpoint encryption type not readable before apply is
#   reported.
# custom:
#   id: aws-dax-encryption
#   control: storage-encryption
#   cloud: aws
#   severity: high
#   data_stores:
#     - check: encryption-at-rest
#       types: [aws_dax_cluster]
#     - check: encryption-in-transit
#       types: [aws_dax_cluster]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information (at rest and in transit)
#   remediation: |
#     Set server_side_encryption { enabled = true } and cluster_endpoint_encryption_type =
#     "TLS" (DAX replaces the cluster; clients must connect to the TLS endpoint, daxs://).
#   construct: EncryptedDaxCluster
#   fix:
#     summary: Encrypt the cluster's nodes and require TLS on its endpoint (DAX replaces the cluster)
#     edits:
#       - on: aws_dax_cluster
#         set: { cluster_endpoint_encryption_type: '"TLS"' }
#       - nested: server_side_encryption
#         set: { enabled: true }
#     cdktf:
#       option: "EncryptedDaxCluster always encrypts its nodes and serves only TLS"
#       snippet: |
#         new EncryptedDaxCluster(this, 'carts-cache', { clusterName: 'carts-cache', roleArn: daxRole.arn, subnetIds: privateSubnetIds, securityGroupIds: [daxSecurityGroup.id] });
#   example: |
#     resource "aws_dax_cluster" "carts" {
#       cluster_name                     = "carts-cache"
#       iam_role_arn                     = "arn:aws:iam::111122223333:role/dax-carts"
#       node_type                        = "dax.r5.large"
#       replication_factor               = 3
#       cluster_endpoint_encryption_type = "TLS"
#       server_side_encryption {
#         enabled = true
#       }
#     }
package leakguard.rules.aws.dax.encryption

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

at_rest_problem("unknown") := "server_side_encryption.enabled unknown before apply"

at_rest_problem(state) := "its nodes are not encrypted at rest (server_side_encryption.enabled is not true)" if state in {"off", "unset"}

transit_problem("unknown") := "cluster_endpoint_encryption_type unknown before apply"

transit_problem(v) := sprintf("its endpoint accepts plain-text clients (cluster_endpoint_encryption_type %s)", [v]) if v == "NONE"

transit_problem("") := "its endpoint accepts plain-text clients (cluster_endpoint_encryption_type not set: NONE)"

problems(r) := array.concat(
	[p | p := at_rest_problem(stores.setting(r, "server_side_encryption.enabled"))],
	[p | p := transit_problem(stores.text(r, "cluster_endpoint_encryption_type"))],
)

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_dax_cluster")
	ps := problems(r)
	count(ps) > 0
	msg := sprintf("DAX cluster %s caches DynamoDB items unprotected: %s", [r.address, concat("; ", ps)])
}
