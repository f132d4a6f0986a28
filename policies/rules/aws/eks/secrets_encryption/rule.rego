# METADATA
# title: EKS cluster Secrets not envelope-encrypted with a customer-managed KMS key
# description: |
#   Kubernetes Secrets hold the database passwords, API keys and tokens the cluster's workloads
#   use to reach customer data. Without an encryption_config whose resources include "secrets"
#   and whose provider names a KMS key, EKS encrypts them only with keys AWS owns: the account
#   cannot restrict, audit or revoke their decryption by key policy, and anyone who reads etcd
#   through the API (or a backup of it) reads every Secret. aws_eks_cluster is reported unless
#   such a block is present; provider.key_arn set by reference to a key of the configuration
#   (unknown until apply) counts.
#   Unknowns: an encryption_config, a resources list or a key_arn configured but not readable
#   before apply (a dynamic block over a collection only apply knows, a variable without a
#   value) is reported as not verifiable; a key_arn set from another resource or a module
#   output counts as set.
# custom:
#   id: aws-eks-secrets-encryption
#   control: storage-encryption
#   cloud: aws
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Encryption of personal information; account and credential management
#   remediation: |
#     Add encryption_config { resources = ["secrets"] provider { key_arn = aws_kms_key.eks.arn } }
#     with a symmetric customer-managed key whose policy lets the cluster role use it (adding it
#     to an existing cluster encrypts Secrets from then on; it cannot be removed afterwards), and
#     rewrite existing Secrets (kubectl get secrets -A -o json | kubectl replace -f -) so they
#     are encrypted too.
#   construct: PrivateEksCluster
#   example: |
#     resource "aws_kms_key" "eks" {
#       description         = "EKS Secrets"
#       enable_key_rotation = true
#     }
#
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
#           key_arn = aws_kms_key.eks.arn
#         }
#       }
#     }
package leakguard.rules.aws.eks.secrets_encryption

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

resources_path := "encryption_config.resources"

key_path := "encryption_config.provider.key_arn"

# The encryption_config lists "secrets" (literally).
covers_secrets(r) if {
	some v in resources.values_at(r, resources_path)
	"secrets" in resources.as_list(v)
}

# A key ARN is configured: a literal, a reference, or a value only apply knows.
has_key(r) if resources.configured(r, key_path)

# The encryption_config as "on" (secrets under a named key), "unknown" (what would make it on
# cannot be read before apply), "no-secrets" (a block that leaves Secrets out), or "off".
state(r) := "on" if {
	covers_secrets(r)
	has_key(r)
} else := "unknown" if {
	some path in ["encryption_config", resources_path, "encryption_config.provider", key_path]
	resources.unresolved(r, path)
} else := "unknown" if {
	some v in resources.values_at(r, resources_path)
	some x in resources.as_list(v)
	is_string(x)
	contains(x, "${")
} else := "no-secrets" if {
	count(resources.blocks_at(r, "encryption_config")) > 0
	not covers_secrets(r)
} else := "off"

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_eks_cluster")
	msg := message(r, state(r))
}

message(r, "off") := sprintf("EKS cluster %s does not envelope-encrypt Kubernetes Secrets with a customer-managed KMS key (no encryption_config with resources = [\"secrets\"] and a provider key_arn)", [r.address])

message(r, "no-secrets") := sprintf("EKS cluster %s has an encryption_config that does not list \"secrets\" in resources, so Kubernetes Secrets are not encrypted with its KMS key", [r.address])

message(r, "unknown") := sprintf("EKS cluster %s has its encryption_config unknown at plan time; that Kubernetes Secrets are encrypted with a customer-managed KMS key cannot be verified", [r.address])
