import { App, TerraformStack } from 'cdktf';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { settingsStack } from 'leakguard/constructs/common/stack';
import { StackSettings } from 'leakguard/constructs/common/settings';
import { dataTags } from 'leakguard/constructs/common/tags';
import { AwsRegionalProviders } from 'leakguard/constructs/aws/providers';
import { HardenedBucket } from 'leakguard/constructs/aws/bucket';
import { HardenedKey } from 'leakguard/constructs/aws/key';
import { RegionalBaseline } from 'leakguard/constructs/aws/baseline';
import { AzureBaseline } from 'leakguard/constructs/azure/baseline';
import { azureProvider } from 'leakguard/constructs/azure/common';
import { HardenedStorageAccount } from 'leakguard/constructs/azure/storage';
import { rawBucket } from '../leaky/raw';
import { SHOP_CONFIG } from '../config';

/**
 * The minimal pair for the pipeline demo: one bucket and one storage account, hardened or
 * leaky. Audit logging and threat detection are checked for every region in use, so the
 * hardened pair brings its regional/subscription baseline (unless `baseline: false`); the
 * leaky pair does not need one to be blocked.
 */
const prod = SHOP_CONFIG.environments.prod;
const SETTINGS: StackSettings = {
  owner: 'leakguard-demo',
  environment: 'prod',
  awsAccountId: prod.aws.accountId,
  azureSubscriptionId: prod.azure.subscriptionId,
  azureTenantId: prod.azure.tenantId,
};

function awsExample(app: App, name: string): TerraformStack {
  const stack = settingsStack(app, name, SETTINGS);
  new AwsRegionalProviders(stack, 'providers', { regions: ['us-west-2'] });
  return stack;
}

function azureExample(app: App, name: string): { stack: TerraformStack; group: ResourceGroup } {
  const stack = settingsStack(app, name, SETTINGS);
  azureProvider(stack, 'azurerm');
  const group = new ResourceGroup(stack, 'rg', { name: `rg-${name.toLowerCase()}`, location: 'westus2', tags: dataTags(stack, { classification: 'internal' }) });
  return { stack, group };
}

export const EXAMPLE_TRAIL = 'hardened-example';
export const EXAMPLE_WORKSPACE = 'law-hardened-example';

export function buildExampleApp(app: App, options: { leaky: boolean; baseline?: boolean }): TerraformStack[] {
  if (!options.leaky) {
    const withBaseline = options.baseline ?? true;
    const aws = awsExample(app, 'HardenedAwsExample');
    const key = new HardenedKey(aws, 'key', { alias: 'hardened-example' });
    const logs = new HardenedBucket(aws, 'access-logs', { classification: 'internal', kmsKey: key, isAccessLogTarget: true, expirationDays: 365 });
    new HardenedBucket(aws, 'customer-data', { classification: 'pii', kmsKey: key, accessLogBucket: logs });
    if (withBaseline) {
      const providers = aws.node.findChild('providers') as AwsRegionalProviders;
      new RegionalBaseline(aws, 'baseline', { providers, trailName: EXAMPLE_TRAIL, apiGatewayLogging: false });
    }

    const azure = azureExample(app, 'HardenedAzureExample');
    const workspaceId = withBaseline
      ? new AzureBaseline(azure.stack, 'baseline', { regions: ['westus2'], resourceGroupName: azure.group.name, workspaceName: EXAMPLE_WORKSPACE }).workspace.id
      : undefined;
    new HardenedStorageAccount(azure.stack, 'customer-data', {
      resourceGroupName: azure.group.name,
      location: 'westus2',
      name: 'sthardenedexample',
      classification: 'pii',
      workspaceId,
      containers: [{ name: 'exports' }],
    });
    return [aws, azure.stack];
  }

  const aws = awsExample(app, 'LeakyAwsExample');
  // The classic leak: no public-access block, a public-read ACL, S3-managed keys, no logging.
  rawBucket(aws, 'customer-data', { classification: 'pii', publicAccessBlock: 'absent', publicReadAcl: true, encryption: 'AES256', accessLogs: false });

  const azure = azureExample(app, 'LeakyAzureExample');
  const account = new StorageAccount(azure.stack, 'customer-data', {
    name: 'stleakyexample',
    resourceGroupName: azure.group.name,
    location: 'westus2',
    accountTier: 'Standard',
    accountReplicationType: 'LRS',
    allowNestedItemsToBePublic: true,
    minTlsVersion: 'TLS1_0',
    tags: dataTags(azure.stack, { classification: 'pii' }),
  });
  new StorageContainer(azure.stack, 'exports', { name: 'exports', storageAccountId: account.id, containerAccessType: 'blob' });
  return [aws, azure.stack];
}
