# METADATA
# title: MemoryDB cluster open to any client on the network
# description: |
#   MemoryDB's built-in ACL "open-access" lets every client that reaches the cluster's port
#   read and write every key without a user or password: the security group is the only
#   barrier for the durable copy of sessions, carts and customer records it holds. A cluster
#   needs an ACL of its own (aws_memorydb_acl with users), which also needs TLS.
#   Unknowns: an ACL set from an aws_memorydb_acl this configuration creates counts as set (a
#   created ACL is never open-access); one not readable before apply otherwise (from another
#   resource, a variable without a value, a plan's local) is reported.
# custom:
#   id: aws-memorydb-open-access
#   control: public-storage
#   cloud: aws
#   severity: high
#   data_stores:
#     check: public-reachability
#     types: [aws_memorydb_cluster]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Access controls; segmentation
#   remediation: |
#     Create an aws_memorydb_acl naming aws_memorydb_user entries (password or IAM
#     authentication) and set acl_name to it, with tls_enabled = true.
#   construct: EncryptedMemoryDb
#   runbook:
#     exposure: The cluster uses the open-access ACL; any client that reaches it on the network reads and writes every key without a user or password
#     preserve:
#       - do: Record the cluster, its ACL and security groups
#         run: aws memorydb describe-clusters --cluster-name {{values.name}} --region {{region}}
#       - do: Export the cluster's events for the exposure window
#         run: aws memorydb describe-events --source-name {{values.name}} --source-type cluster --start-time {{window_start}} --end-time {{window_end}} --region {{region}}
#     contain:
#       - do: Create an ACL with named users (passwords or IAM) for the clients
#         run: aws memorydb create-acl --acl-name {{values.name}}-clients --user-names {{fill.user-names}} --region {{region}}
#       - do: Switch the cluster to it (clients without a user are refused from then on)
#         run: aws memorydb update-cluster --cluster-name {{values.name}} --acl-name {{values.name}}-clients --region {{region}}
#     verify:
#       - do: ACLName is no longer open-access
#         run: aws memorydb describe-clusters --cluster-name {{values.name}} --region {{region}} --query "Clusters[0].ACLName"
#   example: |
#     resource "aws_memorydb_cluster" "carts" {
#       name        = "carts"
#       node_type   = "db.t4g.small"
#       acl_name    = "carts-users"
#       tls_enabled = true
#       kms_key_arn = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#     }
package leakguard.rules.aws.memorydb.open_access

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

deny contains finding.new(rego.metadata.chain(), c, msg) if {
	some c in resources.of_type("aws_memorydb_cluster")
	not acl_resource(c)
	msg := message(c, stores.text(c, "acl_name"))
}

message(c, "open-access") := sprintf("MemoryDB cluster %s uses the open-access ACL: any client that reaches it reads and writes every key", [c.address])

message(c, "unknown") := sprintf("MemoryDB cluster %s has an acl_name not readable before apply; client authentication cannot be verified", [c.address])

# The ACL is one this configuration creates.
acl_resource(c) if {
	some a in resources.linked_to(c, "acl_name")
	a.type == "aws_memorydb_acl"
	a.mode == "managed"
}
