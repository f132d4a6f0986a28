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
		# Every place a job definition takes its containers (multinode, ECS and EKS jobs: an audit).
		"aws_batch_job_definition": ["container_properties", "node_properties", "ecs_properties", "eks_properties"],
		# A state machine's definition (its HTTP tasks' headers, its Pass states' parameters), and
		# what an EventBridge connection sends on every invocation (a secret header): an audit.
		"aws_sfn_state_machine": ["definition"],
		"aws_cloudwatch_event_connection": ["auth_parameters.invocation_http_parameters", "auth_parameters.oauth.oauth_http_parameters"],
		# The headers CloudFront sends its origins: an origin-verify token or an API key (an audit).
		"aws_cloudfront_distribution": ["origin.custom_header"],
		"aws_elastic_beanstalk_environment": ["setting"],
		# What a Glue job passes its script (--db_password …) and a connection's properties
		# (PASSWORD, a JDBC URL with credentials): an audit.
		"aws_glue_job": ["default_arguments", "non_overridable_arguments"],
		"aws_glue_connection": ["connection_properties"],
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
	# Every argument hashicorp/aws marks sensitive whose name says it holds a secret (password,
	# secret, token, private key, key material, preshared key, passphrase, plaintext, API or access
	# key: test/conformance/hidden-sets.test.ts holds the list to the provider schema), every
	# write-only argument (`master_password_wo`: kept out of plan and state, not out of the
	# repository where the code writes it as a literal), plus a
	# Secrets Manager secret version's and an SSM parameter's value (a String parameter's value
	# only where its form shows a secret: plain_value below).
	"aws_acm_certificate": ["private_key"],
	"aws_alb_listener": ["default_action.authenticate_oidc.client_secret"],
	"aws_alb_listener_rule": ["action.authenticate_oidc.client_secret"],
	"aws_amplify_app": ["basic_auth_credentials", "access_token", "oauth_token", "auto_branch_creation_config.basic_auth_credentials"],
	"aws_amplify_branch": ["basic_auth_credentials"],
	"aws_api_gateway_api_key": ["value"],
	"aws_api_gateway_domain_name": ["certificate_private_key"],
	"aws_appfabric_app_authorization": ["credential.api_key_credential.api_key", "credential.oauth2_credential.client_secret"],
	"aws_appflow_connector_profile": ["connector_profile_config.connector_profile_credentials.amplitude.api_key", "connector_profile_config.connector_profile_credentials.amplitude.secret_key", "connector_profile_config.connector_profile_credentials.custom_connector.api_key.api_key", "connector_profile_config.connector_profile_credentials.custom_connector.api_key.api_secret_key", "connector_profile_config.connector_profile_credentials.custom_connector.basic.password", "connector_profile_config.connector_profile_credentials.custom_connector.oauth2.access_token", "connector_profile_config.connector_profile_credentials.custom_connector.oauth2.client_secret", "connector_profile_config.connector_profile_credentials.custom_connector.oauth2.refresh_token", "connector_profile_config.connector_profile_credentials.datadog.api_key", "connector_profile_config.connector_profile_credentials.dynatrace.api_token", "connector_profile_config.connector_profile_credentials.google_analytics.access_token", "connector_profile_config.connector_profile_credentials.google_analytics.client_secret", "connector_profile_config.connector_profile_credentials.google_analytics.refresh_token", "connector_profile_config.connector_profile_credentials.honeycode.access_token", "connector_profile_config.connector_profile_credentials.honeycode.refresh_token", "connector_profile_config.connector_profile_credentials.infor_nexus.secret_access_key", "connector_profile_config.connector_profile_credentials.marketo.access_token", "connector_profile_config.connector_profile_credentials.marketo.client_secret", "connector_profile_config.connector_profile_credentials.redshift.password", "connector_profile_config.connector_profile_credentials.salesforce.access_token", "connector_profile_config.connector_profile_credentials.salesforce.jwt_token", "connector_profile_config.connector_profile_credentials.salesforce.refresh_token", "connector_profile_config.connector_profile_credentials.sapo_data.basic_auth_credentials.password", "connector_profile_config.connector_profile_credentials.sapo_data.oauth_credentials.access_token", "connector_profile_config.connector_profile_credentials.sapo_data.oauth_credentials.client_secret", "connector_profile_config.connector_profile_credentials.sapo_data.oauth_credentials.refresh_token", "connector_profile_config.connector_profile_credentials.service_now.password", "connector_profile_config.connector_profile_credentials.singular.api_key", "connector_profile_config.connector_profile_credentials.slack.access_token", "connector_profile_config.connector_profile_credentials.slack.client_secret", "connector_profile_config.connector_profile_credentials.snowflake.password", "connector_profile_config.connector_profile_credentials.trendmicro.api_secret_key", "connector_profile_config.connector_profile_credentials.veeva.password", "connector_profile_config.connector_profile_credentials.zendesk.access_token", "connector_profile_config.connector_profile_credentials.zendesk.client_secret"],
	"aws_appstream_directory_config": ["service_account_credentials.account_password"],
	"aws_chime_voice_connector_termination_credentials": ["credentials.password"],
	"aws_cloudwatch_event_connection": ["auth_parameters.api_key.value", "auth_parameters.basic.password", "auth_parameters.oauth.client_parameters.client_secret"],
	"aws_codebuild_source_credential": ["token"],
	"aws_codepipeline_webhook": ["authentication_configuration.secret_token"],
	"aws_cognito_user": ["password", "temporary_password"],
	"aws_connect_user": ["password"],
	"aws_datasync_location_azure_blob": ["sas_configuration.token"],
	"aws_datasync_location_fsx_ontap_file_system": ["protocol.smb.password"],
	"aws_datasync_location_fsx_windows_file_system": ["password"],
	"aws_datasync_location_object_storage": ["secret_key"],
	"aws_datasync_location_smb": ["password"],
	"aws_db_instance": ["password", "password_wo"],
	"aws_directory_service_directory": ["password"],
	"aws_directory_service_radius_settings": ["shared_secret"],
	"aws_directory_service_trust": ["trust_password"],
	"aws_dms_endpoint": ["password", "kafka_settings.sasl_password", "kafka_settings.ssl_client_key_password", "redis_settings.auth_password"],
	"aws_docdb_cluster": ["master_password", "master_password_wo"],
	"aws_docdbelastic_cluster": ["admin_user_password"],
	"aws_elasticache_replication_group": ["auth_token"],
	"aws_elasticache_user": ["passwords", "authentication_mode.passwords"],
	"aws_elasticsearch_domain": ["advanced_security_options.master_user_options.master_user_password"],
	"aws_emr_cluster": ["kerberos_attributes.ad_domain_join_password", "kerberos_attributes.cross_realm_trust_principal_password", "kerberos_attributes.kdc_admin_password"],
	"aws_fsx_ontap_file_system": ["fsx_admin_password"],
	"aws_fsx_ontap_storage_virtual_machine": ["svm_admin_password", "active_directory_configuration.self_managed_active_directory_configuration.password"],
	"aws_fsx_windows_file_system": ["self_managed_active_directory.password"],
	"aws_glue_job": ["source_control_details.auth_token"],
	"aws_grafana_license_association": ["grafana_token"],
	"aws_iam_server_certificate": ["private_key"],
	"aws_kinesis_firehose_delivery_stream": ["http_endpoint_configuration.access_key", "redshift_configuration.password", "snowflake_configuration.key_passphrase", "snowflake_configuration.private_key", "splunk_configuration.hec_token"],
	"aws_kms_ciphertext": ["plaintext"],
	"aws_kms_custom_key_store": ["key_store_password", "xks_proxy_authentication_credential.raw_secret_access_key"],
	"aws_kms_external_key": ["key_material_base64"],
	"aws_kms_replica_external_key": ["key_material_base64"],
	"aws_lb_listener": ["default_action.authenticate_oidc.client_secret"],
	"aws_lb_listener_rule": ["action.authenticate_oidc.client_secret"],
	"aws_lightsail_database": ["master_password"],
	"aws_medialive_channel": ["encoder_settings.output_groups.output_group_settings.hls_group_settings.hls_cdn_settings.hls_akamai_settings.token"],
	"aws_memorydb_user": ["authentication_mode.passwords"],
	"aws_mq_broker": ["user.password", "ldap_server_metadata.service_account_password"],
	"aws_opensearch_domain": ["advanced_security_options.master_user_options.master_user_password"],
	"aws_pinpoint_adm_channel": ["client_secret"],
	"aws_pinpoint_apns_channel": ["private_key"],
	"aws_pinpoint_apns_sandbox_channel": ["private_key"],
	"aws_pinpoint_apns_voip_channel": ["private_key"],
	"aws_pinpoint_apns_voip_sandbox_channel": ["private_key"],
	"aws_pinpoint_baidu_channel": ["api_key", "secret_key"],
	"aws_pinpoint_gcm_channel": ["api_key"],
	"aws_quicksight_data_source": ["credentials.credential_pair.password"],
	"aws_rds_cluster": ["master_password", "master_password_wo"],
	"aws_redshift_cluster": ["master_password", "master_password_wo"],
	"aws_redshift_hsm_configuration": ["hsm_partition_password"],
	"aws_redshiftserverless_namespace": ["admin_user_password", "admin_user_password_wo"],
	"aws_s3_bucket_object_lock_configuration": ["token"],
	"aws_s3_bucket_replication_configuration": ["token"],
	"aws_sagemaker_workforce": ["oidc_config.client_secret"],
	"aws_secretsmanager_secret_version": ["secret_string", "secret_binary", "secret_string_wo"],
	"aws_securitylake_subscriber_notification": ["configuration.https_notification_configuration.authorization_api_key_value"],
	"aws_sesv2_email_identity": ["dkim_signing_attributes.domain_signing_private_key"],
	"aws_sns_platform_application": ["platform_credential"],
	"aws_ssm_parameter": ["value", "value_wo"],
	"aws_storagegateway_file_system_association": ["password"],
	"aws_storagegateway_gateway": ["smb_guest_password", "smb_active_directory_settings.password"],
	"aws_timestreaminfluxdb_db_instance": ["password"],
	"aws_transfer_certificate": ["private_key"],
	"aws_transfer_server": ["host_key"],
	"aws_verifiedaccess_trust_provider": ["native_application_oidc_options.client_secret", "oidc_options.client_secret"],
	"aws_vpn_connection": ["tunnel1_preshared_key", "tunnel2_preshared_key"],
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

# Tags, and what a resource's provisioners and their connection write (commands, inline
# lines, environment, password: read from the code, never part of the resource's value).
everywhere := ["tags", "provisioner"]

# Reportable candidates of r where the secret-in-code rules look (locations, everywhere).
in_resource(r) := {c |
	some c in object.get(r, "secrets", [])
	under(c.path, array.concat(object.get(locations, r.type, []), everywhere))
	reportable(c)
	not plain_value(r, c)
}

# An SSM parameter that is not a SecureString holds configuration in `value`: a literal there
# is a secret only when it is one by its form (an access key, a private key), not because
# every literal of a credential argument is.
plain_value(r, c) if {
	r.type == "aws_ssm_parameter"
	c.path in {"value", "value_wo"}
	object.get(r.values, "type", null) != "SecureString"
	not resources.unknown_at(r, "type")
	form_free_kinds[c.kind]
}

# Candidates known by their name or randomness alone, not by their form.
form_free_kinds := {"named-secret", "generic"}

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
