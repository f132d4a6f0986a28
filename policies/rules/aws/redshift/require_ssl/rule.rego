# METADATA
# title: Redshift accepts connections without SSL
# description: |
#   A Redshift cluster encrypts client connections only when its parameter group sets
#   require_ssl = true; otherwise query results (customer rows) and credentials may cross the
#   network in plain text. The default parameter group of clusters created since January
#   2025 (default.redshift-2.0) requires SSL, so does a custom group of family redshift-2.0
#   unless it turns the parameter off; default.redshift-1.0 and custom redshift-1.0 groups do
#   not. A Serverless workgroup whose config_parameter sets require_ssl = false is reported
#   too. A parameter group named literally but not in the input cannot be read.
#   Unknowns: a parameter group or require_ssl value not readable before apply, or a group
#   not in the input, is reported.
# custom:
#   id: aws-redshift-require-ssl
#   control: storage-encryption
#   cloud: aws
#   severity: high
#   data_stores:
#     check: encryption-in-transit
#     types: [aws_redshift_cluster, aws_redshiftserverless_workgroup]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information (in transit)
#   remediation: |
#     Give the cluster an aws_redshift_parameter_group with parameter { name = "require_ssl",
#     value = "true" } (cluster_parameter_group_name), or leave the default group of a new
#     cluster; in a Serverless workgroup remove require_ssl = false.
#   construct: PrivateWarehouse
#   example: |
#     resource "aws_redshift_parameter_group" "warehouse" {
#       name   = "orders-warehouse"
#       family = "redshift-1.0"
#       parameter {
#         name  = "require_ssl"
#         value = "true"
#       }
#     }
package leakguard.rules.aws.redshift.require_ssl

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

group_type := "aws_redshift_parameter_group"

groups_by_name := {n: g |
	some g in resources.of_type(group_type)
	n := g.values.name
	is_string(n)
}

# The require_ssl values a parameter group sets ("true"/"false" as the provider writes them).
ssl_values(g) := [v |
	some p in resources.objects(object.get(g.values, "parameter", null))
	p.name == "require_ssl"
	v := object.get(p, "value", null)
]

# A parameter value as written ("true") or as the normalizer reads a quoted boolean (true).
readable(v) if is_boolean(v)

readable(v) if resources.literal(v)

ssl_on(true)

ssl_on(v) if lower(v) == "true"

# A parameter group's require_ssl: "on", "off" or "unknown".
group_ssl(g) := "unknown" if {
	some v in ssl_values(g)
	not readable(v)
} else := "on" if {
	some v in ssl_values(g)
	ssl_on(v)
} else := "off" if {
	count(ssl_values(g)) > 0
} else := "on" if {
	object.get(g.values, "family", "") == "redshift-2.0"
} else := "off"

# The cluster's parameter group as [state, what it is], state "on", "off" or "unknown".
cluster_ssl(c) := [group_ssl(g), g.address] if {
	g := resources.linked_to_type(c, "cluster_parameter_group_name", group_type)[0]
} else := ["unknown", "a parameter group set from an expression"] if {
	resources.unresolved(c, "cluster_parameter_group_name")
} else := [group_ssl(g), g.address] if {
	g := groups_by_name[c.values.cluster_parameter_group_name]
} else := ["on", "default"] if {
	not resources.configured(c, "cluster_parameter_group_name")
} else := ["on", "default.redshift-2.0"] if {
	c.values.cluster_parameter_group_name == "default.redshift-2.0"
} else := ["off", "default.redshift-1.0"] if {
	c.values.cluster_parameter_group_name == "default.redshift-1.0"
} else := ["unknown", sprintf("%s, which is not in this input", [c.values.cluster_parameter_group_name])]

deny contains finding.new(rego.metadata.chain(), c, msg) if {
	some c in resources.of_type("aws_redshift_cluster")
	[state, group] := cluster_ssl(c)
	msg := cluster_message(c, state, group)
}

cluster_message(c, "off", group) := sprintf("Redshift cluster %s accepts connections without SSL: its parameter group %s does not set require_ssl = true", [c.address, group])

cluster_message(c, "unknown", group) := sprintf("Redshift cluster %s uses %s; whether it requires SSL cannot be verified", [c.address, group])

deny contains finding.new(rego.metadata.chain(), w, msg) if {
	some w in resources.of_type("aws_redshiftserverless_workgroup")
	some p in resources.objects(object.get(w.values, "config_parameter", null))
	p.parameter_key == "require_ssl"
	msg := workgroup_message(w, object.get(p, "parameter_value", null))
}

workgroup_message(w, v) := sprintf("Redshift Serverless workgroup %s accepts connections without SSL (require_ssl = %v)", [w.address, v]) if {
	readable(v)
	not ssl_on(v)
}

workgroup_message(w, v) := sprintf("Redshift Serverless workgroup %s sets require_ssl to a value not readable before apply", [w.address]) if {
	not readable(v)
}
