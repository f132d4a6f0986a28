# METADATA
# title: RDS database accepts connections without TLS
# description: |
#   RDS encrypts a client connection only when the client asks for it; the server refuses
#   plain-text clients only when its parameter group says so: rds.force_ssl = 1 for
#   PostgreSQL (RDS and Aurora) and SQL Server, require_secure_transport = ON (or 1) for
#   MySQL, MariaDB and Aurora MySQL. Otherwise credentials and customer rows can cross the
#   network in plain text. A parameter group that does not set the parameter, and the default
#   group (default.<family>, or none named), follow the engine default: on for RDS for
#   PostgreSQL 15 and later, MySQL 9.7 and later and MariaDB 11.8 and later, off for older
#   versions, Aurora and SQL Server. An unpinned engine_version is RDS's default version
#   (PostgreSQL 15 or later; for MySQL and MariaDB read as off). Instances in a cluster are
#   judged through the cluster (aws_rds_cluster_parameter_group). Oracle and Db2 enforce
#   TLS through option groups and listeners this rule does not read; they are reported as
#   not verifiable.
#   Unknowns: an engine, version, parameter group or parameter value not readable before
#   apply, or a group named literally that is not in the input, is reported.
# custom:
#   id: aws-rds-force-ssl
#   control: storage-encryption
#   cloud: aws
#   severity: high
#   data_stores:
#     check: encryption-in-transit
#     types: [aws_db_instance, aws_rds_cluster]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information (in transit)
#   remediation: |
#     Give the instance (parameter_group_name) or cluster (db_cluster_parameter_group_name) a
#     parameter group of its engine family with parameter { name = "rds.force_ssl", value =
#     "1" } (PostgreSQL, SQL Server) or { name = "require_secure_transport", value = "1" }
#     (MySQL, MariaDB, Aurora MySQL).
#   construct: HardenedPostgres
#   example: |
#     resource "aws_db_parameter_group" "orders" {
#       name   = "orders-postgres14"
#       family = "postgres14"
#       parameter {
#         name  = "rds.force_ssl"
#         value = "1"
#       }
#     }
#
#     resource "aws_db_instance" "orders" {
#       identifier                  = "orders"
#       engine                      = "postgres"
#       engine_version              = "14.12"
#       instance_class              = "db.t4g.medium"
#       allocated_storage           = 50
#       username                    = "orders_admin"
#       manage_master_user_password = true
#       parameter_group_name        = aws_db_parameter_group.orders.name
#     }
package leakguard.rules.aws.rds.force_ssl

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

instance_group := "aws_db_parameter_group"

cluster_group := "aws_rds_cluster_parameter_group"

# Resource type → [label, parameter group attribute, parameter group type].
stores := {
	"aws_db_instance": ["RDS instance", "parameter_group_name", instance_group],
	"aws_rds_cluster": ["RDS cluster", "db_cluster_parameter_group_name", cluster_group],
}

# Engine → [kind, parameter that forces TLS].
engine_kind(e) := ["postgres", "rds.force_ssl"] if e == "postgres"

engine_kind(e) := ["aurora-postgresql", "rds.force_ssl"] if e == "aurora-postgresql"

engine_kind(e) := ["sqlserver", "rds.force_ssl"] if startswith(e, "sqlserver")

engine_kind(e) := ["mysql", "require_secure_transport"] if e == "mysql"

engine_kind(e) := ["mariadb", "require_secure_transport"] if e == "mariadb"

engine_kind(e) := ["aurora-mysql", "require_secure_transport"] if e in {"aurora-mysql", "aurora"}

# Engine versions from which the engine default forces TLS ([major, minor]).
default_on_from := {"postgres": [15, 0], "mysql": [9, 7], "mariadb": [11, 8]}

# "15", "15.4", "8.0.mysql_aurora.3.05.2", "postgres15", "sqlserver-se-15.0" → [major, minor].
version(s) := [to_number(m[1]), minor_of(m[3])] if {
	found := regex.find_all_string_submatch_n(`([0-9]+)(\.([0-9]+))?`, s, 1)
	count(found) == 1
	m := found[0]
}

minor_of("") := 0

minor_of(v) := to_number(v) if v != ""

at_least([major, _], [from_major, _]) if major > from_major

at_least([major, minor], [from_major, from_minor]) if {
	major == from_major
	minor >= from_minor
}

# The engine default for a version string (a family or engine_version): "on" or "off".
default_state(kind, v) := "on" if {
	at_least(version(v), default_on_from[kind])
} else := "off"

# Parameter values as written ("1", "ON") or as the normalizer reads a quoted number (1).
forced(v) if v in {1, true}

forced(v) if {
	is_string(v)
	lower(v) in {"1", "on", "true"}
}

readable(v) if is_number(v)

readable(v) if is_boolean(v)

readable(v) if resources.literal(v)

param_values(g, param) := [v |
	some p in resources.objects(object.get(g.values, "parameter", null))
	p.name == param
	v := object.get(p, "value", null)
]

# A parameter group's TLS state: "on", "off" or "unknown".
group_state(g, [kind, param]) := "unknown" if {
	some v in param_values(g, param)
	not readable(v)
} else := "on" if {
	some v in param_values(g, param)
	forced(v)
} else := "off" if {
	count(param_values(g, param)) > 0
} else := "unknown" if {
	resources.unresolved(g, "family")
} else := default_state(kind, object.get(g.values, "family", ""))

groups_by_name[t] := {n: g |
	some g in resources.of_type(t)
	n := g.values.name
	resources.literal(n)
} if {
	some t in [instance_group, cluster_group]
}

# What the store's parameter group makes of TLS, as [state, what the group is].
store_state(r, attr, group_type, kp) := [group_state(g, kp), g.address] if {
	g := resources.linked_to_type(r, attr, group_type)[0]
} else := ["unknown", "a parameter group set from an expression"] if {
	resources.unresolved(r, attr)
} else := [group_state(g, kp), g.address] if {
	g := groups_by_name[group_type][r.values[attr]]
} else := unnamed_default(r) if {
	not resources.configured(r, attr)
} else := [default_state(kp[0], trim_prefix(name, "default.")), name] if {
	name := r.values[attr]
	startswith(name, "default.")
} else := ["unknown", sprintf("%s, which is not in this input", [r.values[attr]])]

# No group named: the default group of the engine version.
unnamed_default(r) := ["unknown", "the default parameter group of an engine version not readable before apply"] if {
	resources.unresolved(r, "engine_version")
} else := [default_state(kind, v), sprintf("the default parameter group of %s %s", [r.values.engine, v])] if {
	[kind, _] := engine_kind(r.values.engine)
	v := r.values.engine_version
	resources.literal(v)
	v != ""
} else := ["on", "the default parameter group of RDS's default version"] if {
	engine_kind(r.values.engine)[0] == "postgres"
} else := ["off", sprintf("the default parameter group of %s", [r.values.engine])]

judged(r) if r.type == "aws_rds_cluster"

judged(r) if {
	r.type == "aws_db_instance"
	not resources.cluster_member(r)
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some t, spec in stores
	some r in resources.of_type(t)
	judged(r)
	msg := message(r, spec)
}

message(r, [label, _, _]) := sprintf("%s %s has an engine not readable before apply; whether it forces TLS cannot be verified", [label, r.address]) if {
	resources.unresolved(r, "engine")
}

message(r, [label, _, _]) := sprintf("%s %s runs %s, whose TLS enforcement (option groups, listeners) this rule does not read; it cannot be verified", [label, r.address, e]) if {
	e := r.values.engine
	resources.literal(e)
	not engine_kind(e)
}

message(r, [label, _, _]) := sprintf("%s %s sets no engine here (a replica or restore); whether it forces TLS cannot be verified", [label, r.address]) if {
	not resources.unresolved(r, "engine")
	object.get(r.values, "engine", null) == null
}

message(r, spec) := msg if {
	e := r.values.engine
	resources.literal(e)
	kp := engine_kind(e)
	[state, group] := store_state(r, spec[1], spec[2], kp)
	msg := state_message(r, spec[0], kp[1], state, group)
}

state_message(r, label, param, "off", group) := sprintf("%s %s accepts connections without TLS: %s does not set %s on", [label, r.address, group, param])

state_message(r, label, param, "unknown", group) := sprintf("%s %s uses %s; whether it sets %s (TLS only) cannot be verified", [label, r.address, group, param])
