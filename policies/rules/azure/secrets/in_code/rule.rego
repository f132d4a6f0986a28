# METADATA
# title: Credential written into Azure configuration
# description: |
#   A secret written into configuration is readable by everyone with access to the
#   repository, the plan or the state, and it stays in their history after rotation. Looked
#   for in App Service and Function App app_settings and connection strings, container
#   environment variables (container groups and container apps), virtual machine custom_data
#   and user_data (base64 read through), resource tags, provider blocks, and the administrator
#   passwords of SQL, PostgreSQL, MySQL and MariaDB servers, Synapse workspaces and virtual
#   machines written as literals, also passed into the module that holds them, or given by a
#   root variable whose value the code gives (its default, a terraform.tfvars / *.auto.tfvars
#   file of the folder); a root variable given at plan time or a reference passes them as it
#   should: storage account
#   and shared access keys, connection strings and URLs with passwords, private keys, vendor
#   tokens (secretlint's recommended patterns), values whose name announces a secret, and
#   long random tokens (secret_generic_min_length, secret_generic_min_entropy). Findings show
#   the kind, the attribute and a short fingerprint, never the secret.
#   Unknowns: values unknown at plan time or marked sensitive (secure_environment_variables,
#   container app secrets) are not in the configuration text and are not reported;
#   references to other resources are not secrets.
# custom:
#   id: azure-secret-in-code
#   control: secret-in-code
#   cloud: azure
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Account and credential management; access controls
#   remediation: |
#     Rotate the credential now (it is in the repository's history), store it in Key Vault
#     and pass a reference: a Key Vault reference (@Microsoft.KeyVault(SecretUri=…)) in app
#     settings, secure_environment_variables or container app secrets, a managed identity
#     instead of keys, and provider credentials from the environment.
#   construct: HardenedKeyVault
#   runbook:
#     exposure: A credential is written in the configuration, so it sits in the repository, the plan, the state and the resource's settings; everyone with any of them has it
#     preserve:
#       - do: Save the app's settings as they are now (a web app shown; VMs and containers keep theirs in custom data or environment)
#         run: az webapp config appsettings list --name {{values.name}} --resource-group {{values.resource_group_name}}
#       - do: Export the control-plane activity in the exposure window (who read the settings or keys)
#         run: az monitor activity-log list --resource-group {{values.resource_group_name}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Rotate the leaked storage account key (a storage connection string shown; rotate database passwords and tokens in their own service)
#         run: az storage account keys renew --account-name {{fill.storage-account-name}} --resource-group {{values.resource_group_name}} --key primary
#         destructive: true
#       - do: Put the new credential in Key Vault
#         run: az keyvault secret set --vault-name {{fill.vault-name}} --name {{fill.secret-name}} --file {{fill.new-secret-file}}
#       - do: Point the setting at Key Vault instead of the value
#         run: az webapp config appsettings set --name {{values.name}} --resource-group {{values.resource_group_name}} --settings {{fill.setting-name}}=@Microsoft.KeyVault(SecretUri={{fill.secret-uri}})
#     verify:
#       - do: The setting holds a Key Vault reference, not the value
#         run: az webapp config appsettings list --name {{values.name}} --resource-group {{values.resource_group_name}}
#   example: |
#     resource "azurerm_linux_web_app" "shop" {
#       name                = "app-shop"
#       resource_group_name = azurerm_resource_group.shop.name
#       location            = azurerm_resource_group.shop.location
#       service_plan_id     = azurerm_service_plan.shop.id
#       https_only          = true
#       site_config {}
#       app_settings = {
#         DB_PASSWORD = "@Microsoft.KeyVault(SecretUri=${azurerm_key_vault_secret.db.versionless_id})"
#       }
#     }
package leakguard.rules.azure.secrets.in_code

import data.leakguard.lib.finding
import data.leakguard.lib.secrets
import rego.v1

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in secrets.holders
	r.cloud == "azure"
	cs := secrets.in_resource(r)
	count(cs) > 0
	msg := sprintf("%s holds %s in its configuration", [r.address, secrets.describe(cs)])
}

deny contains finding.new(rego.metadata.chain(), subject, msg) if {
	some [stack, p] in secrets.providers_with_secrets("azure")
	subject := secrets.provider_subject(stack, p)
	msg := sprintf("Provider %s in stack %s holds %s in its configuration", [p.key, stack.name, secrets.describe(secrets.in_provider(p))])
}
