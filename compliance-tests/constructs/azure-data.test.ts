import { TerraformStack } from 'cdktf';
import { HardenedStorageAccount, HardenedStorageAccountProps, ForensicEvidenceContainer } from '../../stacks/constructs/azure/storage';
import { HardenedKeyVault, HardenedKeyVaultProps } from '../../stacks/constructs/azure/key-vault';
import { HardenedSqlDatabase, HardenedSqlDatabaseProps, HardenedSqlServer } from '../../stacks/constructs/azure/sql';
import { LockedRecoveryVault } from '../../stacks/constructs/azure/backup';
import { HardenedRedisCache } from '../../stacks/constructs/azure/redis';
import { HardenedSearchService } from '../../stacks/constructs/azure/search';
import { HardenedServiceBusNamespace } from '../../stacks/constructs/azure/service-bus';
import { HardenedSynapseWorkspace } from '../../stacks/constructs/azure/synapse';
import { cleanup, only, ref, resources, synth, testStack } from './helpers';

afterAll(cleanup);

const AT = { resourceGroupName: 'rg-test', location: 'westus2' };
const azure = () => testStack({ aws: false, azure: true });
const account = (stack: TerraformStack, props: Partial<HardenedStorageAccountProps> = {}) =>
  new HardenedStorageAccount(stack, 'sa', { ...AT, name: 'sttestexports', ...props });

describe('HardenedStorageAccount secure defaults', () => {
  const stack = azure();
  account(stack, { containers: [{ name: 'exports' }] });
  const out = synth(stack);
  const sa = only(out, 'azurerm_storage_account');

  test('no public blobs, public network off, firewall deny by default', () => {
    expect(sa).toMatchObject({ allow_nested_items_to_be_public: false, public_network_access_enabled: false });
    expect(sa.network_rules.default_action).toBe('Deny');
  });

  test('TLS 1.2, HTTPS only, infrastructure encryption', () => {
    expect(sa).toMatchObject({ min_tls_version: 'TLS1_2', https_traffic_only_enabled: true, infrastructure_encryption_enabled: true });
  });

  test('no shared keys (so no account SAS) and a short SAS policy', () => {
    expect(sa.shared_access_key_enabled).toBe(false);
    expect(sa.sas_policy).toEqual({ expiration_period: '0.01:00:00', expiration_action: 'Block' });
  });

  test('customer-managed key from Key Vault through a granted user-assigned identity', () => {
    const identity = ref(out, 'azurerm_user_assigned_identity', 'id');
    expect(sa.customer_managed_key).toEqual({ key_vault_key_id: ref(out, 'azurerm_key_vault_key', 'versionless_id'), user_assigned_identity_id: identity });
    const grant = only(out, 'azurerm_role_assignment');
    expect(grant).toMatchObject({ role_definition_name: 'Key Vault Crypto Service Encryption User', scope: ref(out, 'azurerm_key_vault', 'id') });
    expect(grant.principal_id).toBe(ref(out, 'azurerm_user_assigned_identity', 'principal_id'));
  });

  test('versioning and delete retention', () => {
    expect(sa.blob_properties).toMatchObject({ versioning_enabled: true, delete_retention_policy: { days: 30 }, container_delete_retention_policy: { days: 30 } });
  });

  test('containers are private', () => {
    expect(only(out, 'azurerm_storage_container')).toMatchObject({ container_access_type: 'private', storage_account_id: ref(out, 'azurerm_storage_account', 'id') });
  });

  test('blob reads, writes and deletes go to a Log Analytics workspace', () => {
    const blob = resources(out, 'azurerm_monitor_diagnostic_setting').find((d) => d.target_resource_id.endsWith('/blobServices/default'))!;
    expect(blob.target_resource_id).toBe(`${ref(out, 'azurerm_storage_account', 'id')}/blobServices/default`);
    expect(blob.enabled_log.map((l: { category: string }) => l.category)).toEqual(['StorageRead', 'StorageWrite', 'StorageDelete']);
    expect(blob.log_analytics_workspace_id).toBe(ref(out, 'azurerm_log_analytics_workspace', 'id'));
  });

  test('is classified pii and owned', () => {
    expect(sa.tags).toEqual({ 'data-classification': 'pii', owner: 'team-test', environment: 'test' });
  });
});

const saRejected: [string, (s: TerraformStack) => unknown, RegExp][] = [
  ['a public blob container', (s) => account(s, { containers: [{ name: 'web', accessType: 'blob' as 'private' }] }), /only private is allowed/],
  ['a public container listing', (s) => account(s).addContainer({ name: 'web', accessType: 'container' as 'private' }), /only private is allowed/],
  ['the whole internet in the firewall', (s) => account(s, { allowedIpRanges: ['0.0.0.0/0'] }), /too broad/],
  ['a /8 in the firewall', (s) => account(s, { allowedIpRanges: ['20.0.0.0/8'] }), /too broad/],
  ['a SAS lifetime above 24 hours', (s) => account(s, { maxSasLifetimeHours: 48 }), /maxSasLifetimeHours/],
  ['delete retention of 0 days', (s) => account(s, { deleteRetentionDays: 0 }), /deleteRetentionDays/],
  ['an invalid account name', (s) => account(s, { name: 'Bad-Name' }), /3-24 lowercase/],
];
test.each(saRejected)('HardenedStorageAccount rejects %s', (_name, build, message) => {
  expect(() => build(azure())).toThrow(message);
});

describe('ForensicEvidenceContainer', () => {
  const stack = azure();
  new ForensicEvidenceContainer(stack, 'evidence', { account: account(stack, { tags: { purpose: 'forensics' } }), incidentResponseGroupId: '11111111-2222-4333-8444-555555555555' });
  const out = synth(stack);

  test('is under a locked immutability policy of 365 days', () => {
    expect(only(out, 'azurerm_storage_container_immutability_policy')).toEqual({
      storage_container_resource_manager_id: ref(out, 'azurerm_storage_container', 'id'),
      immutability_period_in_days: 365,
      locked: true,
      protected_append_writes_enabled: false,
    });
  });

  test('only the IR group is granted data access, on the container', () => {
    const grant = resources(out, 'azurerm_role_assignment').find((r) => r.principal_type === 'Group')!;
    expect(grant).toMatchObject({ scope: ref(out, 'azurerm_storage_container', 'id'), principal_id: '11111111-2222-4333-8444-555555555555' });
  });

  test('rejects retention below the configured floor', () => {
    const s = azure();
    expect(() => new ForensicEvidenceContainer(s, 'e', { account: account(s), incidentResponseGroupId: 'x', minRetentionDays: 365, retentionDays: 30 })).toThrow(/retentionDays/);
  });
});

const vault = (stack: TerraformStack, props: Partial<HardenedKeyVaultProps> = {}) => new HardenedKeyVault(stack, 'kv', { ...AT, name: 'kv-test', ...props });

describe('HardenedKeyVault', () => {
  const stack = azure();
  vault(stack);
  const out = synth(stack);
  const kv = only(out, 'azurerm_key_vault');

  test('purge protection, 90-day soft delete, RBAC, no public network', () => {
    expect(kv).toMatchObject({ purge_protection_enabled: true, soft_delete_retention_days: 90, rbac_authorization_enabled: true, public_network_access_enabled: false });
    expect(kv.network_acls.default_action).toBe('Deny');
    expect(kv.tenant_id).toBe('00000000-0000-4000-8000-000000000002');
  });

  test('audit events go to a bounded workspace', () => {
    const d = only(out, 'azurerm_monitor_diagnostic_setting');
    expect(d).toMatchObject({ target_resource_id: ref(out, 'azurerm_key_vault', 'id'), enabled_log: [{ category_group: 'audit' }] });
    expect(only(out, 'azurerm_log_analytics_workspace').retention_in_days).toBe(365);
  });

  test.each([[6], [91]])('rejects soft-delete retention of %i days', (days) => {
    expect(() => vault(azure(), { softDeleteRetentionDays: days })).toThrow(/softDeleteRetentionDays/);
  });
});

function sql(stack: TerraformStack, db: Partial<HardenedSqlDatabaseProps> = {}) {
  const server = new HardenedSqlServer(stack, 'sql', { ...AT, name: 'sql-test', adminGroup: { loginUsername: 'sql-admins', objectId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d' }, keyVault: vault(stack) });
  return new HardenedSqlDatabase(stack, 'db', { server, name: 'customers', ...db });
}

describe('HardenedSqlServer and HardenedSqlDatabase', () => {
  const stack = azure();
  sql(stack);
  const out = synth(stack);

  test('the server is private, TLS 1.2, Entra-only', () => {
    expect(only(out, 'azurerm_mssql_server')).toMatchObject({ public_network_access_enabled: false, minimum_tls_version: '1.2', azuread_administrator: { azuread_authentication_only: true } });
  });

  test('TDE uses the customer key from Key Vault', () => {
    expect(only(out, 'azurerm_mssql_server_transparent_data_encryption')).toMatchObject({
      server_id: ref(out, 'azurerm_mssql_server', 'id'), key_vault_key_id: ref(out, 'azurerm_key_vault_key', 'id'),
    });
  });

  test('short- and long-term retention, immutable long-term backups', () => {
    const db = only(out, 'azurerm_mssql_database');
    expect(db.short_term_retention_policy.retention_days).toBe(14);
    expect(db.long_term_retention_policy).toMatchObject({ weekly_retention: 'P12W', monthly_retention: 'P12M', yearly_retention: 'P7Y', immutable_backups_enabled: true });
  });

  test('server audit and database logs go to the workspace', () => {
    const targets = resources(out, 'azurerm_monitor_diagnostic_setting').map((d) => d.target_resource_id);
    expect(targets).toEqual(expect.arrayContaining([`${ref(out, 'azurerm_mssql_server', 'id')}/databases/master`, ref(out, 'azurerm_mssql_database', 'id')]));
    expect(only(out, 'azurerm_mssql_server_extended_auditing_policy').log_monitoring_enabled).toBe(true);
  });
});

const sqlRejected: [string, Partial<HardenedSqlDatabaseProps>, RegExp][] = [
  ['short-term retention of 0 days', { shortTermRetentionDays: 0 }, /shortTermRetentionDays/],
  ['short-term retention above 35 days', { shortTermRetentionDays: 40 }, /shortTermRetentionDays/],
  ['short-term retention below a raised floor', { minShortTermRetentionDays: 21, shortTermRetentionDays: 14 }, /shortTermRetentionDays/],
  ['a malformed long-term period', { longTermRetention: { weekly: '12 weeks' } }, /ISO-8601/],
];
test.each(sqlRejected)('HardenedSqlDatabase rejects %s', (_name, props, message) => {
  expect(() => sql(azure(), props)).toThrow(message);
});

describe('LockedRecoveryVault', () => {
  test('is immutable (Locked), soft-deleting, private and CMK-encrypted', () => {
    const stack = azure();
    new LockedRecoveryVault(stack, 'rsv', { ...AT, name: 'rsv-test', keyVault: vault(stack) });
    const out = synth(stack);
    const rsv = only(out, 'azurerm_recovery_services_vault');
    expect(rsv).toMatchObject({ immutability: 'Locked', soft_delete_enabled: true, public_network_access_enabled: false, storage_mode_type: 'GeoRedundant' });
    expect(rsv.encryption.key_id).toBe(ref(out, 'azurerm_key_vault_key', 'versionless_id'));
  });

  test('rejects cross-region restore without geo-redundant storage', () => {
    const stack = azure();
    expect(() => new LockedRecoveryVault(stack, 'rsv', { ...AT, name: 'rsv-test', keyVault: vault(stack), storageMode: 'LocallyRedundant' })).toThrow(/GeoRedundant/);
  });
});

describe('PII stores send their access logs to the workspace (azure-pii-central-diagnostics)', () => {
  const WS = '/subscriptions/0/resourceGroups/rg-test/providers/Microsoft.OperationalInsights/workspaces/law-central';
  const cases: Array<[string, string, (stack: TerraformStack) => void, string[]]> = [
    ['HardenedRedisCache', 'azurerm_redis_cache', (stack) => new HardenedRedisCache(stack, 'c', { ...AT, name: 'redis-test', workspaceId: WS }), ['ConnectedClientList']],
    ['HardenedSearchService', 'azurerm_search_service', (stack) => new HardenedSearchService(stack, 'c', { ...AT, name: 'srch-test', workspaceId: WS }), ['OperationLogs']],
    [
      'HardenedServiceBusNamespace',
      'azurerm_servicebus_namespace',
      (stack) => new HardenedServiceBusNamespace(stack, 'c', { ...AT, name: 'sb-test-orders', keyVault: new HardenedKeyVault(stack, 'kv', { ...AT, name: 'kv-test-sb', workspaceId: WS }), workspaceId: WS }),
      ['RuntimeAuditLogs', 'OperationalLogs'],
    ],
    [
      'HardenedSynapseWorkspace',
      'azurerm_synapse_workspace',
      (stack) =>
        new HardenedSynapseWorkspace(stack, 'c', {
          ...AT,
          name: 'synw-test',
          dataLakeFilesystemId: 'https://sttestlake.dfs.core.windows.net/analytics',
          keyVault: new HardenedKeyVault(stack, 'kv', { ...AT, name: 'kv-test-syn', workspaceId: WS }),
          workspaceId: WS,
        }),
      ['SQLSecurityAuditEvents', 'SynapseRbacOperations', 'GatewayApiRequests', 'BuiltinSqlReqsEnded'],
    ],
  ];

  test.each(cases)('%s: a diagnostic setting on the store enables its audit categories', (_name, type, build, categories) => {
    const stack = azure();
    build(stack);
    const out = synth(stack);
    const setting = resources(out, 'azurerm_monitor_diagnostic_setting').find((d) => d.target_resource_id === ref(out, type, 'id'));
    expect(setting).toBeDefined();
    expect(setting!.log_analytics_workspace_id).toBe(WS);
    expect(setting!.enabled_log.map((l: { category: string }) => l.category)).toEqual(categories);
    expect(only(out, type).tags['data-classification']).toBe('pii');
  });
});
