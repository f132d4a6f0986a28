import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { settingsStack } from 'leakguard/constructs/common/stack';
import { dataTags } from 'leakguard/constructs/common/tags';
import { azureProvider } from 'leakguard/constructs/azure/common';
import { AzureBaseline } from 'leakguard/constructs/azure/baseline';
import { HardenedKeyVault } from 'leakguard/constructs/azure/key-vault';
import { ForensicEvidenceContainer, HardenedStorageAccount } from 'leakguard/constructs/azure/storage';
import { HardenedSqlDatabase, HardenedSqlServer } from 'leakguard/constructs/azure/sql';
import { LockedRecoveryVault } from 'leakguard/constructs/azure/backup';
import { RestrictedNsg } from 'leakguard/constructs/azure/network';
import { SecureFrontDoor } from 'leakguard/constructs/azure/front-door';
import { ScopedRoleAssignment } from 'leakguard/constructs/azure/role-assignment';
import { EnvironmentConfig, ShopConfig } from '../config';

/**
 * The shop's Azure side in one stack (references stay in-stack): subscription baseline,
 * exports storage in two regions, customer SQL with backups, Front Door, evidence container.
 */
export function buildAzure(scope: Construct, shop: ShopConfig, env: EnvironmentConfig): TerraformStack {
  const az = env.azure;
  const name = `${shop.app}-${env.name}`;
  const compact = `${shop.app}${env.name}`;
  const stack = settingsStack(scope, `${name}-azure`, {
    owner: shop.owner,
    environment: env.name,
    azureSubscriptionId: az.subscriptionId,
    azureTenantId: az.tenantId,
  });
  azureProvider(stack, 'azurerm');
  const [primary, secondary] = az.regions;
  const groups = new Map(az.regions.map((region) => [region, new ResourceGroup(stack, `rg-${region}`, {
    name: `rg-${name}-${region}`,
    location: region,
    tags: dataTags(stack, { classification: 'internal' }),
  })]));
  const at = (region: string) => ({ resourceGroupName: groups.get(region)!.name, location: region });

  const baseline = new AzureBaseline(stack, 'baseline', {
    regions: az.regions,
    resourceGroupName: groups.get(primary)!.name,
    workspaceName: `law-${name}-central`,
    workspaceRetentionDays: env.logRetentionDays,
  });
  const workspaceId = baseline.workspace.id;
  const vault = new HardenedKeyVault(stack, 'key-vault', { ...at(primary), name: `kv-${name}-data`, workspaceId });

  const exportsAccount = new HardenedStorageAccount(stack, 'exports', {
    ...at(primary),
    name: `st${compact}exports`,
    keyVault: vault,
    workspaceId,
    containers: [{ name: 'exports' }],
  });
  new HardenedStorageAccount(stack, 'exports-dr', {
    ...at(secondary),
    name: `st${compact}exportsdr`,
    keyVault: vault,
    workspaceId,
    replicationType: 'ZRS',
    containers: [{ name: 'exports' }],
  });

  const sql = new HardenedSqlServer(stack, 'sql', { ...at(primary), name: `sql-${name}-customers`, adminGroup: az.sqlAdminGroup, keyVault: vault, workspaceId });
  new HardenedSqlDatabase(stack, 'customers-db', {
    server: sql,
    name: 'customers',
    minShortTermRetentionDays: env.minBackupRetentionDays,
    shortTermRetentionDays: env.backupRetentionDays,
  });
  new LockedRecoveryVault(stack, 'recovery-vault', { ...at(primary), name: `rsv-${name}`, keyVault: vault });

  // Workload identity: writes exports, nothing else.
  const checkout = new UserAssignedIdentity(stack, 'checkout-identity', { ...at(primary), name: `id-${name}-checkout` });
  new ScopedRoleAssignment(stack, 'checkout-exports', {
    scope: exportsAccount.containers.get('exports')!.id,
    principalId: checkout.principalId,
    roleDefinitionName: 'Storage Blob Data Contributor',
  });

  for (const region of az.regions) {
    new RestrictedNsg(stack, `app-nsg-${region}`, {
      ...at(region),
      name: `nsg-${name}-app-${region}`,
      inbound: [{ name: 'FrontDoorHttps', priority: 100, protocol: 'Tcp', ports: [443], peers: ['AzureFrontDoor.Backend'] }],
      outbound: [
        { name: 'Sql', priority: 100, protocol: 'Tcp', ports: [1433], peers: [`Sql.${region === primary ? 'WestUS2' : 'EastUS'}`] },
        { name: 'StorageAndKeyVault', priority: 110, protocol: 'Tcp', ports: [443], peers: ['Storage', 'AzureKeyVault', 'AzureMonitor'] },
      ],
    });
  }

  new SecureFrontDoor(stack, 'front-door', {
    name: `fd${compact}`,
    resourceGroupName: groups.get(primary)!.name,
    appOriginHost: `app-${name}.azurewebsites.net`,
    workspaceId,
    scriptSources: shop.checkoutScriptSources,
  });

  const evidence = new HardenedStorageAccount(stack, 'evidence', {
    ...at(primary),
    name: `st${compact}evidence`,
    keyVault: vault,
    workspaceId,
    tags: { purpose: 'forensics' },
  });
  new ForensicEvidenceContainer(stack, 'evidence-container', {
    account: evidence,
    incidentResponseGroupId: az.incidentResponseGroupId,
    retentionDays: env.evidenceRetentionDays,
  });
  return stack;
}
