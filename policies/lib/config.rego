# METADATA
# title: Policy configuration
# description: |
#   Thresholds and maps are data: these defaults are overridden key by key by the
#   user's config (`data.config`, set by the engine from --config).
package leakguard.lib.config

import rego.v1

defaults := {
	# Accept an input none of whose resources any rule reads (verdict NOT CHECKED) with
	# exit 0; by default `check` refuses it with exit 2, since nothing was checked.
	"allow_not_checked": false,
	"enforcement": {
		"by_severity": {"critical": "hard", "high": "soft", "medium": "soft", "low": "advisory"},
		"rules": {},
		"controls": {},
	},
	# Values of the classification tag that mark personal information (CMK, masking,
	# central audit and data-event rules apply to these stores).
	"pii_classifications": ["pii", "confidential"],
	# --- data-classification ---
	# Tag holding a data store's classification.
	"classification_tag_key": "data-classification",
	# Values the classification tag may take.
	"allowed_classifications": ["public", "internal", "confidential", "pii"],
	# Tags every data store carries besides the classification.
	"ownership_tag_keys": ["owner", "environment"],
	# AWS resource types that hold customer data and must be classified.
	"aws_data_resource_types": [
		"aws_s3_bucket", "aws_db_instance", "aws_rds_cluster", "aws_dynamodb_table",
		"aws_ebs_volume", "aws_efs_file_system", "aws_redshift_cluster",
		"aws_elasticache_replication_group", "aws_opensearch_domain", "aws_docdb_cluster",
		"aws_neptune_cluster", "aws_kinesis_stream", "aws_backup_vault",
		"aws_cloudwatch_log_group",
	],
	# Azure resource types that hold customer data and must be classified.
	"azure_data_resource_types": [
		"azurerm_storage_account", "azurerm_mssql_server", "azurerm_mssql_database",
		"azurerm_sql_server", "azurerm_sql_database", "azurerm_cosmosdb_account",
		"azurerm_key_vault", "azurerm_managed_disk", "azurerm_postgresql_flexible_server",
		"azurerm_mysql_flexible_server", "azurerm_redis_cache", "azurerm_log_analytics_workspace",
		"azurerm_postgresql_server", "azurerm_mysql_server", "azurerm_snapshot", "azurerm_synapse_workspace",
		"azurerm_search_service",
	],
	# --- environments (shared-identity) ---
	# Tag naming a resource's environment; the stack name is used when it is absent.
	"environment_tag_key": "environment",
	# Stack name → environment, for stacks whose name does not contain the environment.
	"stack_environments": {},
	# Environment names recognised as a token of a stack name (`shop-prod` → prod).
	"environment_names": ["prod", "production", "staging", "stage", "qa", "test", "dev", "development", "sandbox"],
	# Spellings folded into one environment before comparing.
	"environment_aliases": {"production": "prod", "prd": "prod", "stage": "staging", "stg": "staging", "development": "dev"},
	# Environment → AWS account ids of that environment.
	"environment_accounts": {},
	# Environment → Azure subscription ids of that environment.
	"environment_subscriptions": {},
	# Environment → Azure principal (object) ids that belong to it (identities defined elsewhere).
	"environment_principals": {},
	# --- iam-least-privilege ---
	# AWS accounts outside environment_accounts that roles may trust without sts:ExternalId.
	"trusted_account_ids": [],
	# Condition keys (lower case) that restrict a Principal "*" statement to known callers.
	"restricting_condition_keys": [
		"aws:sourcearn", "aws:sourceaccount", "aws:sourceowner", "aws:sourcevpc", "aws:sourcevpce",
		"aws:sourceip", "aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount",
		"aws:principalarn", "aws:sourceorgid", "aws:sourceorgpaths", "aws:userid",
		"kms:calleraccount", "sns:endpoint",
	],
	# IAM actions that escalate privileges when allowed on Resource "*".
	"iam_escalation_actions": ["iam:PassRole", "iam:UpdateLoginProfile", "iam:CreateLoginProfile"],
	# Azure actions a custom role must not hold: they let it grant itself any permission.
	"azure_escalation_actions": ["Microsoft.Authorization/roleDefinitions/write", "Microsoft.Authorization/roleAssignments/write"],
	# Managed policies that make a role an administrator.
	"admin_policy_arns": ["arn:aws:iam::aws:policy/AdministratorAccess"],
	# Role names (globs) allowed administrator policies (break-glass roles, not workloads).
	"admin_role_exemptions": [],
	# Whether workload roles must carry a permissions boundary.
	"require_permissions_boundary": true,
	# Role names (globs) that need no permissions boundary.
	"permissions_boundary_exempt_roles": [],
	# Azure built-in roles too broad for workloads at subscription or management-group scope.
	"azure_privileged_roles": ["Owner", "Contributor", "User Access Administrator"],
	# The same roles by built-in role definition id (GUID).
	"azure_privileged_role_ids": [
		"8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "b24988ac-6180-42a0-ab88-20f7382dd24c",
		"18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
	],
	# Azure principal ids (break-glass / platform admins) allowed those roles.
	"azure_privileged_principal_exemptions": [],
	# --- egress-restriction ---
	# TCP ports load balancers may expose to the internet.
	"internet_ingress_ports": [80, 443],
	# Remote server administration ports (SSH, RDP) no network ACL may open to the internet.
	"admin_ports": [22, 3389],
	# Largest IPv4 range (number of addresses) an Azure SQL, PostgreSQL, MySQL or Synapse firewall
	# rule, or a Cosmos DB / Search IP filter entry, may open.
	"sql_firewall_max_addresses": 65536,
	# Largest IPv4 range a storage account ip_rules entry may allow under default_action Deny.
	"storage_ip_rule_max_addresses": 65536,
	# --- log-retention ---
	# Minimum days logs are kept (audit evidence).
	"log_retention_min_days": 90,
	# Maximum days logs holding customer data are kept (0 / never-expire is always a violation).
	"log_retention_max_days": 400,
	# --- central-audit-correlation / audit-logging-every-region ---
	# Names of the central CloudTrail trail(s); empty accepts any trail in the input.
	"central_trail_names": [],
	# Names of the central Log Analytics workspace(s); empty accepts any workspace.
	"central_workspace_names": [],
	# RDS engine (prefix) → CloudWatch log exports that carry its audit trail.
	"rds_audit_log_exports": {
		"aurora-postgresql": ["postgresql"], "postgres": ["postgresql"],
		"aurora-mysql": ["audit"], "mysql": ["audit"], "mariadb": ["audit"],
		"oracle": ["audit"], "sqlserver": ["error"],
	},
	# --- threat-detection ---
	# Defender for Cloud plans that must be on the Standard tier.
	"defender_required_plans": ["StorageAccounts", "SqlServers", "KeyVaults"],
	# --- backup-protection ---
	# Minimum automated backup / point-in-time retention in days (RDS, Azure SQL, PostgreSQL/MySQL, blob soft delete, Cosmos DB).
	"backup_retention_days": 7,
	# Vault immutability states that count as immutable (Azure Recovery Services / Data Protection).
	"backup_vault_immutability_states": ["Locked", "Unlocked"],
	# --- cdn-auth-caching / third-party-script-control ---
	# Path patterns serving authenticated (personalised) responses; never cached.
	"auth_path_patterns": ["/account*", "/checkout*", "/api/*"],
	# CloudFront cache policies that disable caching (the managed CachingDisabled policy).
	"cloudfront_caching_disabled_policy_ids": ["4135ea2d-6df8-44a3-9df3-4b5a84be39ad"],
	# CloudFront viewer TLS policies accepted (TLS 1.2_2021 or newer).
	"cloudfront_tls_policies": ["TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"],
	# Path patterns of pages that take PII and must send a strict script CSP.
	"script_control_path_patterns": ["/account*", "/checkout*"],
	# --- sas-token-scope ---
	# Longest lifetime, in hours, of a SAS token or a storage account SAS policy.
	"sas_max_lifetime_hours": 24,
	# SAS permissions that are over-broad beyond that lifetime.
	"sas_broad_permissions": ["write", "delete", "list"],
	# --- forensic-readiness ---
	# Tag (key and value) marking the evidence bucket / storage account.
	"forensic_tag_key": "purpose",
	"forensic_tag_value": "forensics",
	# Minimum Object Lock / immutability retention of evidence, in days.
	"forensic_retention_days": 365,
	# Names (globs) of the incident-response role(s) allowed to read evidence.
	"incident_response_role_names": ["*incident-response*"],
	# Longest session, in seconds, of the incident-response role.
	"incident_response_max_session_seconds": 3600,
	# Azure principal (object) ids of the incident-response group.
	"incident_response_principal_ids": [],
	# --- storage-encryption (data stores) ---
	# OpenSearch/Elasticsearch endpoint TLS policies accepted (TLS 1.2 minimum).
	"opensearch_tls_policies": ["Policy-Min-TLS-1-2-2019-07", "Policy-Min-TLS-1-2-PFS-2023-10"],
	# SSM parameter names (globs, case-insensitive) that hold credentials and must be SecureStrings.
	"secret_parameter_name_patterns": ["*password*", "*passwd*", "*secret*", "*token*", "*api-key*", "*api_key*", "*apikey*", "*private-key*", "*private_key*", "*credential*"],
	# --- secret-in-code ---
	# Candidate kinds that are findings (pattern kinds, named-secret, generic).
	"secret_kinds": [
		"aws-access-key-id", "aws-secret-access-key", "private-key", "connection-string-password",
		"url-basic-auth", "azure-storage-account-key", "azure-shared-access-key", "github-token",
		"slack-token", "slack-webhook", "stripe-key", "sendgrid-key", "npm-token", "openai-key",
		"anthropic-key", "named-secret", "generic",
	],
	# A generic token counts from this length and Shannon entropy (bits per character) up.
	"secret_generic_min_length": 20,
	"secret_generic_min_entropy": 4.0,
	# --- key-management ---
	# Minimum KMS key deletion window in days.
	"kms_min_deletion_window_days": 7,
	# Minimum Key Vault soft-delete retention in days.
	"key_vault_min_soft_delete_days": 7,
}

default user := {}

user := data.config

settings := object.union(defaults, user)
