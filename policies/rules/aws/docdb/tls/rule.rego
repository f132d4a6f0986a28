# METADATA
# title: DocumentDB parameter group turns TLS off
# description: |
#   A cluster parameter group with tls = "disabled" lets clients connect to every cluster
#   using it in plain text, credentials and documents included. The default parameter group
#   requires TLS.
#   Unknowns: a tls value not readable before apply is reported, and so are parameters set
#   but unknown at plan time, or a parameter whose name is (unless its known value could
#   never turn TLS off): either could be tls = disabled.
# custom:
#   id: aws-docdb-tls
#   control: storage-encryption
#   cloud: aws
#   severity: high
#   data_stores:
#     check: encryption-in-transit
#     types: [aws_docdb_cluster]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information (in transit)
#   remediation: |
#     Set the tls parameter to "enabled" (or "tls1.2+"), or remove it.
#   construct: EncryptedDocumentDatabase
#   fix:
#     summary: Turn TLS back on in the cluster parameter group
#     edits:
#       - nested: parameter
#         where: { name: name, values: ["tls"] }
#         set: { value: '"enabled"' }
#     cdktf:
#       option: "EncryptedDocumentDatabase's parameter group keeps tls on (tls1.2+; no option turns it off)"
#       snippet: |
#         new EncryptedDocumentDatabase(this, 'profiles', { identifier: 'customer-profiles', masterUsername: 'profiles_admin', subnetIds: privateSubnetIds, securityGroupIds: [dbSecurityGroup.id] });
#   example: |
#     resource "aws_docdb_cluster_parameter_group" "profiles" {
#       family = "docdb5.0"
#       name   = "customer-profiles"
#       parameter {
#         name  = "tls"
#         value = "tls1.2+"
#       }
#     }
package leakguard.rules.aws.docdb.tls

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

tls_values(g) := [v |
	some p in resources.objects(object.get(g.values, "parameter", null))
	p.name == "tls"
	v := object.get(p, "value", null)
]

deny contains finding.new(rego.metadata.chain(), g, msg) if {
	some g in resources.of_type("aws_docdb_cluster_parameter_group")
	some v in tls_values(g)
	msg := message(g, v)
}

message(g, "disabled") := sprintf("DocumentDB parameter group %s turns TLS off (tls = disabled)", [g.address])

message(g, v) := sprintf("DocumentDB parameter group %s sets tls to a value not readable before apply", [g.address]) if {
	not resources.literal(v)
}

# A parameter whose name the input cannot show, and whose value could be "disabled".
unnamed_may_disable(g) if {
	resources.unresolved(g, "parameter.name")
	some p in resources.objects(object.get(g.values, "parameter", null))
	not resources.literal(object.get(p, "name", null))
	not known_not_disabled(object.get(p, "value", null))
}

known_not_disabled(v) if {
	resources.literal(v)
	v != "disabled"
}

deny contains finding.new(rego.metadata.chain(), g, msg) if {
	some g in resources.of_type("aws_docdb_cluster_parameter_group")
	count(tls_values(g)) == 0
	resources.unresolved(g, "parameter")
	msg := sprintf("DocumentDB parameter group %s has parameters unknown at plan time; that TLS is not turned off cannot be verified", [g.address])
}

deny contains finding.new(rego.metadata.chain(), g, msg) if {
	some g in resources.of_type("aws_docdb_cluster_parameter_group")
	count(tls_values(g)) == 0
	not resources.unresolved(g, "parameter")
	unnamed_may_disable(g)
	msg := sprintf("DocumentDB parameter group %s has a parameter name unknown at plan time; that TLS is not turned off cannot be verified", [g.address])
}
