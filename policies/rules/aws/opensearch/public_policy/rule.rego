# METADATA
# title: OpenSearch domain with a public endpoint allows every principal
# description: |
#   A domain outside a VPC has an internet endpoint; an access policy that Allows
#   Principal "*" (or {"AWS": "*"}) without a condition restricting the caller (aws:SourceIp,
#   aws:PrincipalOrgID …) lets anyone on the internet read and write its indices, e.g.
#   `es:*` for everyone. Covers aws_opensearch_domain and the legacy aws_elasticsearch_domain
#   (inline access_policies) and their aws_opensearch_domain_policy /
#   aws_elasticsearch_domain_policy resources. Domains in a VPC (vpc_options.subnet_ids) are
#   reachable only through their security groups and are not judged here.
#   Every principal: "*", an Allow with NotPrincipal (all but those named), or
#   cloudfront.amazonaws.com without a condition naming the distribution (every distribution
#   of every account reads through it).
#   A jsonencode() or heredoc policy that names a resource's ARN is read with the ARN as
#   "(known after apply)" (HCL, and a plan beside its folder; a plan alone leaves it unknown).
#   Unknowns: a policy unknown at plan time or written as an expression the tool cannot read
#   cannot be shown private and is reported; a policy resource whose domain is not in the
#   input counts as guarding a public endpoint.
# custom:
#   id: aws-opensearch-public-policy
#   control: public-storage
#   cloud: aws
#   severity: critical
#   data_stores:
#     check: public-reachability
#     types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Access controls; network monitoring and defences; segmentation
#   remediation: |
#     Put the domain in private subnets (vpc_options), or name the roles that may call it
#     instead of "*" and enable fine-grained access control.
#   construct: SecureSearchDomain
#   runbook:
#     exposure: The search domain's access policy lets anyone query (or change) the indexed data
#     preserve:
#       - do: Save the access policy as it is now
#         run: aws opensearch describe-domain-config --domain-name {{values.domain_name|via.domain_name.domain_name|fill.domain-name}} --region {{region}}
#       - do: Record where search slow and audit logs go (log publishing options), and copy them for the window
#         run: aws opensearch describe-domain --domain-name {{values.domain_name|via.domain_name.domain_name|fill.domain-name}} --region {{region}}
#       - do: Look up who changed the domain in the exposure window
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=ResourceName,AttributeValue={{values.domain_name|via.domain_name.domain_name|fill.domain-name}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Replace the access policy with one naming only your roles
#         run: aws opensearch update-domain-config --domain-name {{values.domain_name|via.domain_name.domain_name|fill.domain-name}} --access-policies file://{{fill.restricted-access-policy.json}} --region {{region}}
#     verify:
#       - do: The access policy has no Principal "*" without a condition
#         run: aws opensearch describe-domain-config --domain-name {{values.domain_name|via.domain_name.domain_name|fill.domain-name}} --query DomainConfig.AccessPolicies --region {{region}}
#   example: |
#     resource "aws_opensearch_domain" "search" {
#       domain_name    = "orders-search"
#       engine_version = "OpenSearch_2.13"
#       vpc_options {
#         subnet_ids         = ["subnet-0a1b2c3d4e5f60718"]
#         security_group_ids = ["sg-0a1b2c3d4e5f60718"]
#       }
#       access_policies = <<-JSON
#         {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "es:ESHttp*",
#           "Principal": {"AWS": "arn:aws:iam::111122223333:role/orders-api"},
#           "Resource": "arn:aws:es:us-west-2:111122223333:domain/orders-search/*"}]}
#       JSON
#     }
package leakguard.rules.aws.opensearch.public_policy

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

policy_types := {"aws_opensearch_domain_policy": "OpenSearch", "aws_elasticsearch_domain_policy": "Elasticsearch"}

# Literal names of the domains in a VPC, so policy resources naming a domain literally are
# judged by where it is.
vpc_domain_names := {name |
	some [d, _] in stores.search_domains
	stores.in_vpc(d)
	name := d.values.domain_name
	resources.literal(name)
}

vpc_domain_keys := {d.key | some [d, _] in stores.search_domains; stores.in_vpc(d)}

# Inline policies of public-endpoint domains (unless only computed from a policy resource).
# A list, not a set: a set hashes each whole resource (lib/resources.rego, identity_documents).
documents := array.concat(
	[[d, sprintf("%s domain %s has a public endpoint and its access policy", [kind, d.address])] |
		some [d, kind] in stores.search_domains
		not stores.in_vpc(d)
		not resources.computed_unset(d, "access_policies")
	],
	[[p, sprintf("%s (access policy of an %s domain with a public endpoint)", [p.address, kind])] |
		some t, kind in policy_types
		some p in resources.of_type(t)
		not guards_vpc_domain(p)
	],
)

guards_vpc_domain(p) if {
	some key in object.get(p.references, "domain_name", [])
	vpc_domain_keys[key]
}

guards_vpc_domain(p) if vpc_domain_names[p.values.domain_name]

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some [r, subject] in documents
	msg := message(subject, resources.policy(r, "access_policies"))
}

message(subject, doc) := sprintf("%s allows %s to every principal without a restricting condition", [subject, concat("; ", grants)]) if {
	doc.status == "known"
	grants := resources.public_grants(doc)
	count(grants) > 0
}

message(subject, doc) := sprintf("%s cannot be read before apply; it cannot be shown not to allow every principal", [subject]) if {
	doc.status == "unknown"
}
