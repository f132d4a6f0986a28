import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { settingsStack } from '../constructs/common/stack';
import { dataTags } from '../constructs/common/tags';
import { AwsRegionalProviders } from '../constructs/aws/providers';
import { RegionalBaseline } from '../constructs/aws/baseline';
import { azureProvider, AzurePlacement } from '../constructs/azure/common';
import { AzureBaseline } from '../constructs/azure/baseline';
import { HardenedKeyVault } from '../constructs/azure/key-vault';
import { EnvironmentName, SHOP_CONFIG } from '../config';

/**
 * Each leaky stack carries one seed failure and is otherwise as compliant as the constructs
 * make it, including its own audit/detection baseline, so it should trip only these controls
 * (whether stacks are evaluated alone or together). The shared identity spans two stacks and
 * is reported on both sides. Central trail and workspace names, environments and principals
 * come from leakguard.config.json (see policy-config.ts).
 */
export const LEAKY_PATTERNS = {
  'public-bucket-no-object-logging': { controls: ['object-access-logging', 'public-storage'], stacks: ['leaky-public-bucket-no-object-logging'] },
  'permissive-sas': { controls: ['sas-token-scope'], stacks: ['leaky-permissive-sas'] },
  'wildcard-iam': { controls: ['iam-least-privilege'], stacks: ['leaky-wildcard-iam'] },
  'unrestricted-egress': { controls: ['egress-restriction'], stacks: ['leaky-unrestricted-egress'] },
  'unbounded-log-retention': { controls: ['log-retention'], stacks: ['leaky-unbounded-log-retention'] },
  'audit-log-gap-region': { controls: ['audit-logging-every-region'], stacks: ['leaky-audit-log-gap-region'] },
  'shared-service-account': { controls: ['shared-identity'], stacks: ['leaky-shared-service-account-dev', 'leaky-shared-service-account-prod'] },
  'public-unencrypted-db-backup': { controls: ['backup-protection'], stacks: ['leaky-public-unencrypted-db-backup'] },
  'api-no-input-validation': { controls: ['api-input-validation'], stacks: ['leaky-api-no-input-validation'] },
  'cdn-caching-auth': { controls: ['cdn-auth-caching'], stacks: ['leaky-cdn-caching-auth'] },
  'checkout-no-script-restriction': { controls: ['third-party-script-control'], stacks: ['leaky-checkout-no-script-restriction'] },
  'no-central-audit-correlation': { controls: ['central-audit-correlation'], stacks: ['leaky-no-central-audit-correlation'] },
  'open-mysql': { controls: ['public-storage', 'egress-restriction'], stacks: ['leaky-open-mysql'] },
  'plaintext-postgres': { controls: ['storage-encryption'], stacks: ['leaky-plaintext-postgres'] },
  'public-cosmos': { controls: ['public-storage'], stacks: ['leaky-public-cosmos'] },
  'plaintext-redis': { controls: ['storage-encryption'], stacks: ['leaky-plaintext-redis'] },
  'exportable-disk': { controls: ['public-storage'], stacks: ['leaky-exportable-disk'] },
  'plain-http-web-app': { controls: ['storage-encryption'], stacks: ['leaky-plain-http-web-app'] },
  'public-service-bus': { controls: ['public-storage'], stacks: ['leaky-public-service-bus'] },
  'sas-service-bus': { controls: ['sas-token-scope'], stacks: ['leaky-sas-service-bus'] },
  'public-synapse': { controls: ['public-storage'], stacks: ['leaky-public-synapse'] },
  'public-search': { controls: ['public-storage'], stacks: ['leaky-public-search'] },
  'public-search-domain': { controls: ['public-storage', 'storage-encryption', 'central-audit-correlation'], stacks: ['leaky-public-search-domain'] },
  'unencrypted-volume-snapshot': { controls: ['backup-protection', 'storage-encryption'], stacks: ['leaky-unencrypted-volume-snapshot'] },
  'public-snapshots': { controls: ['backup-protection'], stacks: ['leaky-public-snapshots'] },
  'unencrypted-graph-db': { controls: ['public-storage', 'storage-encryption'], stacks: ['leaky-unencrypted-graph-db'] },
  'unencrypted-document-db': { controls: ['storage-encryption'], stacks: ['leaky-unencrypted-document-db'] },
  'public-warehouse': { controls: ['public-storage', 'storage-encryption'], stacks: ['leaky-public-warehouse'] },
  'open-cache': { controls: ['public-storage', 'storage-encryption'], stacks: ['leaky-open-cache'] },
  'unencrypted-streams': { controls: ['storage-encryption'], stacks: ['leaky-unencrypted-streams'] },
  'public-messaging': { controls: ['public-storage', 'storage-encryption'], stacks: ['leaky-public-messaging'] },
  // Its SecureString parameter's value is a literal: a secret written into the code too.
  'public-secrets': { controls: ['public-storage', 'secret-in-code', 'storage-encryption'], stacks: ['leaky-public-secrets'] },
  'public-kafka': { controls: ['public-storage', 'storage-encryption'], stacks: ['leaky-public-kafka'] },
  'public-broker': { controls: ['central-audit-correlation', 'public-storage', 'storage-encryption'], stacks: ['leaky-public-broker'] },
  'plaintext-dax': { controls: ['storage-encryption'], stacks: ['leaky-plaintext-dax'] },
  'plaintext-storefront': { controls: ['storage-encryption'], stacks: ['leaky-plaintext-storefront'] },
  'unprotected-file-shares': { controls: ['backup-protection', 'central-audit-correlation', 'storage-encryption'], stacks: ['leaky-unprotected-file-shares'] },
  'unprotected-keyspaces-table': { controls: ['backup-protection', 'storage-encryption'], stacks: ['leaky-unprotected-keyspaces-table'] },
  'unencrypted-analytics': { controls: ['storage-encryption'], stacks: ['leaky-unencrypted-analytics'] },
  'public-file-system': { controls: ['public-storage', 'storage-encryption'], stacks: ['leaky-public-file-system'] },
  'open-memorydb': { controls: ['public-storage', 'storage-encryption'], stacks: ['leaky-open-memorydb'] },
  'public-search-collection': { controls: ['public-storage', 'storage-encryption'], stacks: ['leaky-public-search-collection'] },
  'cdn-plain-http-origin': { controls: ['cdn-auth-caching'], stacks: ['leaky-cdn-plain-http-origin'] },
} as const;

export type LeakyPattern = keyof typeof LEAKY_PATTERNS;

export const LEAKY_OWNER = 'leakguard-fixtures';

/** A leaky stack in one environment's AWS account and Azure subscription (from the shop config). */
export function leakyStack(scope: Construct, name: string, env: EnvironmentName = 'prod'): TerraformStack {
  const e = SHOP_CONFIG.environments[env];
  return settingsStack(scope, name, {
    owner: LEAKY_OWNER,
    environment: env,
    awsAccountId: e.aws.accountId,
    azureSubscriptionId: e.azure.subscriptionId,
    azureTenantId: e.azure.tenantId,
  });
}

export interface AwsPart {
  readonly providers: AwsRegionalProviders;
  readonly baseline: RegionalBaseline;
}

/**
 * Providers plus a full regional baseline. The trail records data events only for buckets
 * and tables passed to coverS3Bucket/coverTable, so one stack's trail never "covers" another
 * stack's fixture.
 */
export function awsPart(stack: TerraformStack, opts: { regions?: string[]; apiGatewayLogging?: boolean } = {}): AwsPart {
  const providers = new AwsRegionalProviders(stack, 'providers', { regions: opts.regions ?? ['us-west-2'], defaultTags: { app: 'leaky' } });
  const baseline = new RegionalBaseline(stack, 'baseline', {
    providers,
    // Named after the stack so the policy configuration can list every fixture's central trail.
    trailName: stack.node.id,
    dataEvents: 'listed',
    apiGatewayLogging: opts.apiGatewayLogging ?? false,
  });
  return { providers, baseline };
}

export const centralWorkspaceName = (stackName: string): string => `law-${stackName}`;

export interface AzurePart {
  readonly group: ResourceGroup;
  readonly baseline: AzureBaseline;
  readonly workspaceId: string;
  readonly keyVault: HardenedKeyVault;
  /** Placement in the part's resource group, in the given region (default westus2). */
  at(location?: string): AzurePlacement;
}

/** Provider, resource group, subscription baseline and a CMK vault for one leaky stack. */
export function azurePart(stack: TerraformStack, code: string, opts: { regions?: string[] } = {}): AzurePart {
  azureProvider(stack, 'azurerm');
  const regions = opts.regions ?? ['westus2'];
  const group = new ResourceGroup(stack, 'rg', { name: `rg-leaky-${code}`, location: regions[0], tags: dataTags(stack, { classification: 'internal' }) });
  const baseline = new AzureBaseline(stack, 'azure-baseline', { regions, resourceGroupName: group.name, workspaceName: centralWorkspaceName(stack.node.id) });
  const workspaceId = baseline.workspace.id;
  const keyVault = new HardenedKeyVault(stack, 'key-vault', {
    name: `kv-leaky-${code}`,
    resourceGroupName: group.name,
    location: regions[0],
    workspaceId,
  });
  return {
    group,
    baseline,
    workspaceId,
    keyVault,
    at: (location = regions[0]) => ({ resourceGroupName: group.name, location }),
  };
}
