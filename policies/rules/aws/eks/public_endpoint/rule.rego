# METADATA
# title: EKS cluster API endpoint open to the internet
# description: |
#   The Kubernetes API server of an EKS cluster is the door to every workload, Secret and
#   service-account token in it; open to 0.0.0.0/0, anyone on the internet can probe it, and one
#   leaked kubeconfig, token or IAM credential (or an unauthenticated API flaw) reads the
#   customer data the cluster's pods hold. aws_eks_cluster is reported when
#   vpc_config.endpoint_public_access is true (the provider's default when unset) and
#   vpc_config.public_access_cidrs is unset or empty (EKS then admits 0.0.0.0/0) or holds an
#   internet-wide range (0.0.0.0/0, ::/0, or the same written in parts). A private endpoint, or
#   a public one limited to narrow ranges (an office, a VPN, the NAT gateways' Elastic IPs),
#   passes.
#   Unknowns: an endpoint_public_access or a public_access_cidrs configured but not readable
#   before apply (a variable without a value, another resource's attribute) is reported as not
#   verifiable, unless the other setting alone keeps the endpoint closed; ranges taken from the
#   configuration's own VPCs, subnets or Elastic IPs are never the internet. A
#   public_access_cidrs the provider computes because it is not configured reads as unset.
# custom:
#   id: aws-eks-public-endpoint
#   control: egress-restriction
#   cloud: aws
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Network monitoring and defences; segmentation; secure configuration of hardware and software
#   remediation: |
#     Set vpc_config { endpoint_private_access = true, endpoint_public_access = false } and reach
#     the API from inside the VPC (a bastion, VPN or CI runner there), or keep the public
#     endpoint and set public_access_cidrs to the narrow ranges that need it.
#   construct: PrivateEksCluster
#   fix:
#     summary: Make the Kubernetes API endpoint private (reach it from inside the VPC)
#     edits:
#       - nested: vpc_config
#         set: { endpoint_private_access: true, endpoint_public_access: false }
#   runbook:
#     exposure: The cluster's Kubernetes API server answers anyone on the internet; a leaked kubeconfig, token or IAM credential reads every Secret and workload in the cluster from anywhere
#     preserve:
#       - do: Record the cluster's endpoint access and allowed ranges as they are now
#         run: aws eks describe-cluster --name {{values.name|fill.cluster-name}} --region {{region}} --query "cluster.[resourcesVpcConfig,logging,accessConfig]"
#       - do: Export the EKS API calls on the cluster in the exposure window (who changed its access and its access entries)
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=ResourceName,AttributeValue={{values.name|fill.cluster-name}} --start-time {{window_start}} --end-time {{window_end}}
#       - do: List who holds access to the cluster (access entries; the aws-auth ConfigMap for clusters using it)
#         run: aws eks list-access-entries --cluster-name {{values.name|fill.cluster-name}} --region {{region}}
#     contain:
#       - do: Limit the public endpoint to the ranges that need it (at once; clients elsewhere lose API access)
#         run: aws eks update-cluster-config --name {{values.name|fill.cluster-name}} --region {{region}} --resources-vpc-config endpointPublicAccess=true,publicAccessCidrs={{fill.allowed-cidr}}
#       - do: Or turn the public endpoint off and keep only the private one (kubectl, CI and controllers outside the VPC lose API access)
#         run: aws eks update-cluster-config --name {{values.name|fill.cluster-name}} --region {{region}} --resources-vpc-config endpointPublicAccess=false,endpointPrivateAccess=true
#         destructive: true
#     verify:
#       - do: The cluster reads endpointPublicAccess false, or publicAccessCidrs holds no internet-wide range
#         run: aws eks describe-cluster --name {{values.name|fill.cluster-name}} --region {{region}} --query "cluster.resourcesVpcConfig.[endpointPublicAccess,publicAccessCidrs]"
#   example: |
#     resource "aws_eks_cluster" "shop" {
#       name     = "shop"
#       role_arn = "arn:aws:iam::111122223333:role/eks-cluster"
#
#       vpc_config {
#         subnet_ids              = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
#         endpoint_private_access = true
#         endpoint_public_access  = false
#       }
#
#       encryption_config {
#         resources = ["secrets"]
#         provider {
#           key_arn = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#         }
#       }
#     }
package leakguard.rules.aws.eks.public_endpoint

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

public_path := "vpc_config.endpoint_public_access"

cidrs_path := "vpc_config.public_access_cidrs"

# The literal ranges written in public_access_cidrs (interpolations left out).
written_cidrs(r) := [c |
	some v in resources.values_at(r, cidrs_path)
	some c in resources.as_list(v)
	is_string(c)
	not contains(c, "${")
]

internet_cidrs(r) := [c | some c in written_cidrs(r); resources.internet_cidr(trim_space(c))]

# What public_access_cidrs admits: "internet" (an internet-wide range is written), "unknown"
# (configured but not readable, and maybe the internet), "unset" (EKS admits 0.0.0.0/0) or
# "narrow".
cidrs(r) := "internet" if {
	count(internet_cidrs(r)) > 0
} else := "unknown" if {
	resources.unresolved_address(r, cidrs_path)
} else := "narrow" if {
	count([c | some v in resources.values_at(r, cidrs_path); some c in resources.as_list(v)]) > 0
} else := "narrow" if {
	resources.from_network_range(r, cidrs_path)
} else := "unset"

open_cidrs := {"internet", "unset", "unknown"}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_eks_cluster")
	c := cidrs(r)
	c in open_cidrs
	msg := message(r, stores.setting(r, public_path), c)
}

message(r, "unknown", c) := sprintf("EKS cluster %s has vpc_config.endpoint_public_access unknown at plan time and %s; that its API endpoint is closed to the internet cannot be verified", [r.address, cidrs_text(r, c)])

message(r, endpoint, "unknown") := sprintf("EKS cluster %s has a public API endpoint (endpoint_public_access %s) with vpc_config.public_access_cidrs unknown at plan time; that it is closed to the internet cannot be verified", [r.address, endpoint_text(endpoint)]) if {
	endpoint in {"on", "unset"}
}

message(r, endpoint, c) := sprintf("EKS cluster %s has a public API endpoint open to the internet: endpoint_public_access %s and %s", [r.address, endpoint_text(endpoint), cidrs_text(r, c)]) if {
	endpoint in {"on", "unset"}
	c in {"internet", "unset"}
}

endpoint_text("on") := "is true"

endpoint_text("unset") := "is unset (true by default)"

cidrs_text(r, "internet") := sprintf("public_access_cidrs includes %s", [concat(", ", internet_cidrs(r))])

cidrs_text(_, "unset") := "public_access_cidrs is unset (0.0.0.0/0 by default)"

cidrs_text(_, "unknown") := "public_access_cidrs unknown at plan time"
