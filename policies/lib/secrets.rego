# METADATA
# title: Secrets written into configuration
# description: |
#   Reads the secret candidates the normalizer annotates (kind, attribute path, length,
#   entropy, fingerprint; never the text) and decides which ones are findings: the kind is
#   one the configuration lists, a generic token is long and random enough, and the
#   attribute is one where the secret-in-code rules look.
package leakguard.lib.secrets

import data.leakguard.lib.resources
import rego.v1

settings := data.leakguard.lib.config.settings

# Candidate kinds in words, for messages.
labels := {
	"aws-access-key-id": "an AWS access key id",
	"aws-secret-access-key": "an AWS secret access key",
	"private-key": "a private key",
	"connection-string-password": "a connection string with a password",
	"url-basic-auth": "a URL with a password",
	"azure-storage-account-key": "an Azure storage account key",
	"azure-shared-access-key": "an Azure shared access key",
	"github-token": "a GitHub token",
	"slack-token": "a Slack token",
	"slack-webhook": "a Slack webhook URL",
	"stripe-key": "a Stripe secret key",
	"sendgrid-key": "a SendGrid API key",
	"npm-token": "an npm access token",
	"openai-key": "an OpenAI API key",
	"anthropic-key": "an Anthropic API key",
	"named-secret": "a value named as a secret",
	"generic": "a high-entropy token",
}

label(kind) := labels[kind]

label(kind) := kind if not labels[kind]

reportable(c) if {
	c.kind != "generic"
	c.kind in settings.secret_kinds
}

reportable(c) if {
	c.kind == "generic"
	"generic" in settings.secret_kinds
	c.length >= settings.secret_generic_min_length
	c.entropy >= settings.secret_generic_min_entropy
}

# The path is one of the prefixes or lies below one.
under(path, prefixes) if {
	some p in prefixes
	path == p
}

under(path, prefixes) if {
	some p in prefixes
	startswith(path, concat("", [p, "."]))
}

# The resources holding secret candidates (normalize lists them: input.with_secrets); the
# others have none to report, and reading every resource for them took ~20 ms of each
# evaluation at 20k resources.
holders := [input.resources[k] | some k in input.with_secrets]

# Where the secret-in-code rules look: attribute paths by resource type (a candidate at one of
# them or below it counts) and, on every resource, its tags. The policy build copies both
# into its manifest (`secret_paths`) and a check's normalizer scans only the attributes they
# start with (the rest no rule reads: at 20k resources ~60 ms of the critical path);
# test/evaluate/secret-paths.test.ts holds the decisions equal to a scan of every attribute.
web_app := ["app_settings", "connection_string"]

vm := ["custom_data", "user_data", "os_profile.custom_data"]

documents := object.union(
	{
		"aws_instance": ["user_data", "user_data_base64"],
		"aws_launch_template": ["user_data"],
		"aws_launch_configuration": ["user_data", "user_data_base64"],
		"aws_lambda_function": ["environment"],
		"aws_ecs_task_definition": ["container_definitions"],
		"aws_batch_job_definition": ["container_properties"],
		"aws_elastic_beanstalk_environment": ["setting"],
		"aws_s3_object": ["content"],
		"aws_s3_bucket_object": ["content"],
		"azurerm_container_group": ["container.environment_variables"],
		"azurerm_container_app": ["template.container.env"],
		"azurerm_linux_virtual_machine": vm,
		"azurerm_windows_virtual_machine": vm,
		"azurerm_virtual_machine": vm,
		"azurerm_linux_virtual_machine_scale_set": vm,
		"azurerm_windows_virtual_machine_scale_set": vm,
	},
	{t: web_app | some t in resources.app_service_types},
)

# Credentials a resource takes as an argument (its provider marks them sensitive): written into
# the configuration as a literal, a database's master password is in the repository and in
# every plan and state. The normalizer reads these only where the configuration writes a
# literal, never a value a variable, a local or another resource supplies (a plan shows
# neither: it hides the value and names the reference).
os_admin := ["admin_password"]

credentials := {
	"aws_db_instance": ["password"],
	"aws_rds_cluster": ["master_password"],
	"aws_docdb_cluster": ["master_password"],
	"aws_redshift_cluster": ["master_password"],
	"aws_redshiftserverless_namespace": ["admin_user_password"],
	"aws_opensearch_domain": ["advanced_security_options.master_user_options.master_user_password"],
	"aws_elasticsearch_domain": ["advanced_security_options.master_user_options.master_user_password"],
	"aws_elasticache_replication_group": ["auth_token"],
	"aws_elasticache_user": ["passwords", "authentication_mode.passwords"],
	"aws_memorydb_user": ["authentication_mode.passwords"],
	"aws_mq_broker": ["user.password"],
	"aws_dms_endpoint": ["password"],
	"aws_docdbelastic_cluster": ["admin_user_password"],
	"aws_lightsail_database": ["master_password"],
	"aws_directory_service_directory": ["password"],
	"aws_fsx_windows_file_system": ["self_managed_active_directory.password"],
	"aws_fsx_ontap_file_system": ["fsx_admin_password"],
	"aws_fsx_ontap_storage_virtual_machine": ["svm_admin_password", "active_directory_configuration.self_managed_active_directory_configuration.password"],
	"aws_datasync_location_smb": ["password"],
	"aws_codebuild_source_credential": ["token"],
	"aws_amplify_app": ["basic_auth_credentials"],
	"aws_amplify_branch": ["basic_auth_credentials"],
	# Key material imported into KMS, and a secret's value stored by the configuration itself:
	# written as literals, both are in the repository (found by an audit: terraform-aws-kms's
	# complete example imports a literal key).
	"aws_kms_external_key": ["key_material_base64"],
	"aws_secretsmanager_secret_version": ["secret_string", "secret_binary"],
	"azurerm_mssql_server": ["administrator_login_password"],
	"azurerm_sql_server": ["administrator_login_password"],
	"azurerm_postgresql_server": ["administrator_login_password"],
	"azurerm_mysql_server": ["administrator_login_password"],
	"azurerm_mariadb_server": ["administrator_login_password"],
	"azurerm_postgresql_flexible_server": ["administrator_password"],
	"azurerm_mysql_flexible_server": ["administrator_password"],
	"azurerm_synapse_workspace": ["sql_administrator_login_password"],
	"azurerm_linux_virtual_machine": os_admin,
	"azurerm_windows_virtual_machine": os_admin,
	"azurerm_linux_virtual_machine_scale_set": os_admin,
	"azurerm_windows_virtual_machine_scale_set": os_admin,
}

# Documents and credentials together, by resource type.
locations := {t: array.concat(object.get(documents, t, []), object.get(credentials, t, [])) |
	some t, _ in object.union(documents, credentials)
}

everywhere := ["tags"]

# Reportable candidates of r where the secret-in-code rules look (locations, everywhere).
in_resource(r) := {c |
	some c in object.get(r, "secrets", [])
	under(c.path, array.concat(object.get(locations, r.type, []), everywhere))
	reportable(c)
}

# Every reportable candidate of a provider block (any argument).
in_provider(p) := {c |
	some c in object.get(p, "secrets", [])
	reportable(c)
}

describe(cs) := concat("; ", sort({sprintf("%s at %s (%s)", [label(c.kind), c.path, c.fingerprint]) | some c in cs}))

# A provider block as a finding subject: its stack's provider configuration.
provider_subject(stack, p) := {
	"key": concat("/", [stack.name, concat(".", ["provider", p.key])]),
	"address": concat(".", ["provider", p.key]),
	"stack": stack.name,
	"type": "provider",
	"region": object.get(p, "region", null),
	"action": "none",
	"origin": {"file": stack.source},
}

# [stack, provider] for the cloud's provider blocks that hold reportable candidates.
providers_with_secrets(cloud) := {[stack, p] |
	some stack in input.stacks
	some p in stack.providers
	p.cloud == cloud
	count(in_provider(p)) > 0
}
