// AzAPI declarations are judged by the azurerm rules (src/normalize/azapi.ts):
//  1. The AVM-like storage fixture is blocked for public blobs, TLS 1.0, plain HTTP and an
//     anonymous container, and a body the tool cannot evaluate is reported as unverifiable.
//  2. Differential, exhaustive over each mapped property's values: every combination written
//     once with azurerm and once with azapi_resource gets the same findings from every rule,
//     and so does a bare azurerm resource that an azapi_update_resource patches with the
//     combination. The azurerm side is written here by hand from the provider docs, not from
//     the mapping table, so a wrong table entry fails.
//  3. An update whose target is not in the input is named in a warning.
import { join } from 'node:path';
import { check, exitCodeOf } from '../../src/check';
import { writeTree } from '../helpers/cli';

const TODAY = '2026-11-28';

describe('AVM-like storage module written with azapi_resource', () => {
  test('is blocked by the storage rules, on the azapi addresses', async () => {
    const { decision } = await check([join(__dirname, '..', 'policies', 'azapi-avm-storage')], { today: TODAY });
    const on = (address: string) => decision.findings.filter((f) => f.resource.address === address).map((f) => f.rule_id).sort();
    expect(on('azapi_resource.this')).toEqual(
      expect.arrayContaining(['azure-storage-nested-public', 'azure-storage-min-tls', 'azure-storage-https-only', 'azure-storage-network-deny', 'azure-storage-shared-key', 'azure-storage-cmk-pii']),
    );
    expect(on('azapi_resource.container')).toContain('azure-storage-container-private');
    // The HCL evaluator evaluates jsonencode(...): the vault's settings are read from the body it renders.
    const vault = decision.findings.filter((f) => f.resource.address === 'azapi_resource.vault');
    expect(vault.map((f) => f.rule_id)).toEqual(expect.arrayContaining(['azure-keyvault-public-network', 'azure-keyvault-purge-protection']));
    expect(vault.find((f) => f.rule_id === 'azure-keyvault-public-network')!.message).toMatch(/reachable from public networks \(public_network_access_enabled is not false\)/);
    expect(exitCodeOf(decision)).toBe(1);
  });
});

/** Every combination of the given property domains (undefined = not written). */
function combinations(domains: Record<string, readonly unknown[]>): Array<Record<string, unknown>> {
  return Object.entries(domains).reduce<Array<Record<string, unknown>>>(
    (acc, [key, values]) => acc.flatMap((c) => values.map((v) => ({ ...c, [key]: v }))),
    [{}],
  );
}

const hcl = (v: unknown): string =>
  typeof v === 'string'
    ? JSON.stringify(v)
    : Array.isArray(v)
      ? `[${v.map(hcl).join(', ')}]`
      : v && typeof v === 'object'
        ? `{ ${Object.entries(v).map(([k, x]) => `${k} = ${hcl(x)}`).join(', ')} }`
        : String(v);

/** `key = value` lines for the defined entries; nested objects as HCL objects. */
function attrs(o: Record<string, unknown>, indent = '  '): string {
  return Object.entries(o)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) =>
      v && typeof v === 'object' && !Array.isArray(v) ? `${indent}${k} = {\n${attrs(v as Record<string, unknown>, indent + '  ')}\n${indent}}` : `${indent}${k} = ${hcl(v)}`,
    )
    .join('\n');
}

/** Drops undefined leaves and objects left empty. */
function prune(o: Record<string, unknown>): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    const x = v && typeof v === 'object' && !Array.isArray(v) ? prune(v as Record<string, unknown>) : v;
    if (x !== undefined) out[k] = x;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

const enabledFlag = (v: unknown) => (v === undefined ? undefined : v === 'Enabled');
const TAGS = { 'data-classification': 'pii', owner: 'o', environment: 'prod' };

interface Case {
  name: string;
  domains: Record<string, readonly unknown[]>;
  /** The azurerm resource block (type and attributes) equivalent to one combination. */
  azurerm: (c: Record<string, unknown>) => { type: string; attributes: Record<string, unknown>; blocks?: string };
  /** The ARM type and body of the same combination. */
  azapi: (c: Record<string, unknown>) => { type: string; body: Record<string, unknown> };
  /** Attributes both sides share (location, tags). */
  common?: Record<string, unknown>;
  /** The resource name, when it matters (a server parameter's name). */
  nameOf?: (c: Record<string, unknown>) => string;
  /** Properties that choose the resource type rather than a setting (kept on the bare resource an update patches). */
  typeKeys?: readonly string[];
  /** Other azurerm resources the combination needs beside the resource (a separate key resource), given its address. */
  beside?: (c: Record<string, unknown>, address: string) => string;
}

const CASES: Case[] = [
  {
    name: 'storage account',
    domains: {
      blobPublic: [true, false, undefined],
      tls: ['TLS1_0', 'TLS1_2', undefined],
      https: [false, undefined],
      pna: ['Enabled', 'Disabled'],
      sharedKey: [true, false],
      acl: ['Allow', 'Deny'],
      keyName: ['cmk', undefined],
    },
    azurerm: (c) => ({
      type: 'azurerm_storage_account',
      attributes: {
        account_tier: 'Standard',
        account_replication_type: 'GRS',
        allow_nested_items_to_be_public: c.blobPublic,
        min_tls_version: c.tls,
        https_traffic_only_enabled: c.https,
        public_network_access_enabled: enabledFlag(c.pna),
        shared_access_key_enabled: c.sharedKey,
      },
      blocks:
        (c.acl ? `  network_rules {\n    default_action = "${c.acl}"\n  }\n` : '') +
        (c.keyName ? `  customer_managed_key {\n    key_vault_key_id = "${c.keyName}"\n  }\n` : ''),
    }),
    azapi: (c) => ({
      type: 'Microsoft.Storage/storageAccounts@2023-05-01',
      body: {
        kind: 'StorageV2',
        properties: {
          allowBlobPublicAccess: c.blobPublic,
          minimumTlsVersion: c.tls,
          supportsHttpsTrafficOnly: c.https,
          publicNetworkAccess: c.pna,
          allowSharedKeyAccess: c.sharedKey,
          networkAcls: { defaultAction: c.acl },
          encryption: c.keyName ? { keySource: 'Microsoft.Keyvault', keyvaultproperties: { keyname: c.keyName } } : undefined,
        },
      },
    }),
    common: { location: 'westeurope', tags: TAGS },
  },
  {
    name: 'blob container',
    domains: { access: ['None', 'Blob', 'Container', undefined] },
    azurerm: (c) => ({
      type: 'azurerm_storage_container',
      attributes: { container_access_type: c.access === undefined ? undefined : c.access === 'None' ? 'private' : String(c.access).toLowerCase() },
    }),
    azapi: (c) => ({ type: 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01', body: { properties: { publicAccess: c.access } } }),
  },
  {
    name: 'key vault',
    domains: { purge: [true, false, undefined], softDelete: [7, 90, undefined], pna: ['Enabled', 'Disabled', undefined], acl: ['Allow', 'Deny', undefined] },
    azurerm: (c) => ({
      type: 'azurerm_key_vault',
      attributes: {
        tenant_id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
        sku_name: 'premium',
        purge_protection_enabled: c.purge,
        soft_delete_retention_days: c.softDelete,
        public_network_access_enabled: enabledFlag(c.pna),
      },
      blocks: c.acl ? `  network_acls {\n    default_action = "${c.acl}"\n    bypass         = "AzureServices"\n  }\n` : '',
    }),
    azapi: (c) => ({
      type: 'Microsoft.KeyVault/vaults@2023-07-01',
      body: { properties: { enablePurgeProtection: c.purge, softDeleteRetentionInDays: c.softDelete, publicNetworkAccess: c.pna, networkAcls: { defaultAction: c.acl, bypass: c.acl ? 'AzureServices' : undefined } } },
    }),
    common: { location: 'westeurope', tags: TAGS },
  },
  {
    name: 'SQL server',
    domains: { pna: ['Enabled', 'Disabled', undefined], tls: ['1.0', '1.2', undefined] },
    azurerm: (c) => ({ type: 'azurerm_mssql_server', attributes: { version: '12.0', public_network_access_enabled: enabledFlag(c.pna), minimum_tls_version: c.tls } }),
    azapi: (c) => ({ type: 'Microsoft.Sql/servers@2023-08-01-preview', body: { properties: { version: '12.0', publicNetworkAccess: c.pna, minimalTlsVersion: c.tls } } }),
    common: { location: 'westeurope', tags: TAGS },
  },
  {
    name: 'firewall rules',
    domains: { engine: ['Microsoft.Sql/servers', 'Microsoft.DBforPostgreSQL/flexibleServers', 'Microsoft.DBforMySQL/flexibleServers'], end: ['10.0.0.1', '255.255.255.255'] },
    azurerm: (c) => ({
      type: { 'Microsoft.Sql/servers': 'azurerm_mssql_firewall_rule', 'Microsoft.DBforPostgreSQL/flexibleServers': 'azurerm_postgresql_flexible_server_firewall_rule', 'Microsoft.DBforMySQL/flexibleServers': 'azurerm_mysql_flexible_server_firewall_rule' }[String(c.engine)]!,
      attributes: { start_ip_address: '0.0.0.0', end_ip_address: c.end },
    }),
    azapi: (c) => ({ type: `${c.engine}/firewallRules@2023-06-01`, body: { properties: { startIpAddress: '0.0.0.0', endIpAddress: c.end } } }),
  },
  {
    name: 'PostgreSQL and MySQL flexible servers',
    domains: { engine: ['postgres', 'mysql'], pna: ['Enabled', 'Disabled', undefined], cmk: ['https://kv.vault.azure.net/keys/db', undefined] },
    typeKeys: ['engine'],
    azurerm: (c) => ({
      type: c.engine === 'postgres' ? 'azurerm_postgresql_flexible_server' : 'azurerm_mysql_flexible_server',
      attributes: c.engine === 'postgres' ? { public_network_access_enabled: enabledFlag(c.pna) } : { public_network_access: c.pna },
      blocks: c.cmk ? `  customer_managed_key {\n    key_vault_key_id = "${c.cmk}"\n  }\n` : '',
    }),
    azapi: (c) => ({
      type: c.engine === 'postgres' ? 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' : 'Microsoft.DBforMySQL/flexibleServers@2023-12-30',
      body: { properties: { network: { publicNetworkAccess: c.pna }, dataEncryption: c.cmk ? { type: 'AzureKeyVault', primaryKeyURI: c.cmk } : undefined } },
    }),
    common: { location: 'westeurope', tags: TAGS },
  },
  {
    name: 'PostgreSQL and MySQL flexible server backups',
    domains: { engine: ['postgres', 'mysql'], days: [3, 14, undefined], geo: ['Enabled', 'Disabled', undefined] },
    typeKeys: ['engine'],
    azurerm: (c) => ({
      type: c.engine === 'postgres' ? 'azurerm_postgresql_flexible_server' : 'azurerm_mysql_flexible_server',
      attributes: { backup_retention_days: c.days, geo_redundant_backup_enabled: enabledFlag(c.geo) },
    }),
    azapi: (c) => ({
      type: c.engine === 'postgres' ? 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' : 'Microsoft.DBforMySQL/flexibleServers@2023-12-30',
      body: { properties: { backup: { backupRetentionDays: c.days, geoRedundantBackup: c.geo } } },
    }),
    common: { location: 'westeurope', tags: TAGS },
  },
  {
    name: 'server parameters',
    nameOf: (c) => String(c.name),
    domains: { engine: ['DBforPostgreSQL', 'DBforMySQL'], name: ['require_secure_transport', 'tls_version', 'ssl_min_protocol_version'], value: ['off', 'ON', 'TLSv1.1', 'TLSv1.2'] },
    azurerm: (c) => ({
      type: c.engine === 'DBforPostgreSQL' ? 'azurerm_postgresql_flexible_server_configuration' : 'azurerm_mysql_flexible_server_configuration',
      attributes: { value: c.value },
    }),
    azapi: (c) => ({ type: `Microsoft.${c.engine}/flexibleServers/configurations@2023-06-01`, body: { properties: { value: c.value, source: 'user-override' } } }),
  },
  {
    name: 'Cosmos DB account',
    domains: { pna: ['Enabled', 'Disabled', undefined], ips: [['203.0.113.7'], ['0.0.0.0/0'], undefined], localOff: [true, false, undefined], key: ['https://kv.vault.azure.net/keys/c', undefined], tls: ['Tls', 'Tls12', undefined] },
    azurerm: (c) => ({
      type: 'azurerm_cosmosdb_account',
      attributes: {
        offer_type: 'Standard',
        public_network_access_enabled: enabledFlag(c.pna),
        ip_range_filter: c.ips,
        local_authentication_disabled: c.localOff,
        key_vault_key_id: c.key,
        minimal_tls_version: c.tls,
      },
    }),
    azapi: (c) => ({
      type: 'Microsoft.DocumentDB/databaseAccounts@2024-05-15',
      body: {
        properties: {
          databaseAccountOfferType: 'Standard',
          publicNetworkAccess: c.pna,
          ipRules: (c.ips as string[] | undefined)?.map((ipAddressOrRange) => ({ ipAddressOrRange })),
          disableLocalAuth: c.localOff,
          keyVaultKeyUri: c.key,
          minimalTlsVersion: c.tls,
        },
      },
    }),
    common: { location: 'westeurope', tags: TAGS },
  },
  {
    name: 'Cosmos DB backup policy',
    domains: { type: ['Periodic', 'Continuous', undefined], hours: [8, 720, undefined], tier: ['Continuous7Days', 'Continuous30Days', undefined] },
    azurerm: (c) => {
      const backup = c.type === undefined ? undefined : c.type === 'Periodic' ? { type: c.type, retention_in_hours: c.hours } : { type: c.type, tier: c.tier };
      return {
        type: 'azurerm_cosmosdb_account',
        attributes: { offer_type: 'Standard' },
        blocks: backup ? `  backup {\n${attrs(backup, '    ')}\n  }\n` : '',
      };
    },
    azapi: (c) => ({
      type: 'Microsoft.DocumentDB/databaseAccounts@2024-05-15',
      body: {
        properties: {
          databaseAccountOfferType: 'Standard',
          backupPolicy:
            c.type === undefined
              ? undefined
              : c.type === 'Periodic'
                ? { type: c.type, periodicModeProperties: { backupRetentionIntervalInHours: c.hours } }
                : { type: c.type, continuousModeProperties: { tier: c.tier } },
        },
      },
    }),
    common: { location: 'westeurope', tags: TAGS },
  },
  {
    name: 'Event Hubs and Service Bus namespaces',
    domains: { kind: ['EventHub', 'ServiceBus'], pna: ['Enabled', 'Disabled', undefined], tls: ['1.0', '1.2', undefined], localOff: [true, false, undefined], key: ['orders', undefined] },
    typeKeys: ['kind'],
    azurerm: (c) => ({
      type: c.kind === 'EventHub' ? 'azurerm_eventhub_namespace' : 'azurerm_servicebus_namespace',
      attributes: {
        sku: 'Premium',
        public_network_access_enabled: enabledFlag(c.pna),
        minimum_tls_version: c.tls,
        [c.kind === 'EventHub' ? 'local_authentication_enabled' : 'local_auth_enabled']: c.localOff === undefined ? undefined : !c.localOff,
      },
      // Service Bus takes its key in a block; Event Hubs only from a separate resource (beside).
      blocks: c.key && c.kind === 'ServiceBus' ? `  customer_managed_key {\n    key_vault_key_id = "https://kv-shop.vault.azure.net/keys/${c.key}"\n    identity_id = "id"\n  }\n` : '',
    }),
    beside: (c, address) =>
      c.key && c.kind === 'EventHub'
        ? `resource "azurerm_eventhub_namespace_customer_managed_key" "${address.split('.')[1]}" {\n  eventhub_namespace_id = ${address}.id\n  key_vault_key_ids = ["https://kv-shop.vault.azure.net/keys/${c.key}"]\n}\n`
        : '',
    azapi: (c) => ({
      type: c.kind === 'EventHub' ? 'Microsoft.EventHub/namespaces@2024-01-01' : 'Microsoft.ServiceBus/namespaces@2022-10-01-preview',
      body: {
        sku: { name: 'Premium' },
        properties: {
          publicNetworkAccess: c.pna,
          minimumTlsVersion: c.tls,
          disableLocalAuth: c.localOff,
          encryption: c.key ? { keySource: 'Microsoft.KeyVault', keyVaultProperties: [{ keyName: c.key, keyVaultUri: 'https://kv-shop.vault.azure.net' }] } : undefined,
        },
      },
    }),
    common: { location: 'westeurope', tags: TAGS },
  },
  {
    name: 'Redis cache',
    domains: { nonSsl: [true, false, undefined], tls: ['1.0', '1.2', undefined], pna: ['Enabled', 'Disabled', undefined] },
    azurerm: (c) => ({
      type: 'azurerm_redis_cache',
      attributes: { capacity: 1, family: 'C', sku_name: 'Standard', non_ssl_port_enabled: c.nonSsl, minimum_tls_version: c.tls, public_network_access_enabled: enabledFlag(c.pna) },
    }),
    azapi: (c) => ({
      type: 'Microsoft.Cache/redis@2024-03-01',
      body: { properties: { sku: { name: 'Standard', family: 'C', capacity: 1 }, enableNonSslPort: c.nonSsl, minimumTlsVersion: c.tls, publicNetworkAccess: c.pna } },
    }),
    common: { location: 'westeurope', tags: TAGS },
  },
];

describe('differential: azapi_resource and azurerm get the same findings', () => {
  test.each(CASES.map((c) => [c.name, c] as const))('%s, every combination of the mapped properties', async (_name, spec) => {
    const combos = combinations(spec.domains);
    const blocks: string[] = [];
    combos.forEach((c, i) => {
      const common = attrs({ name: spec.nameOf?.(c) ?? `n${i}`, ...spec.common });
      const rm = spec.azurerm(c);
      blocks.push(`resource "${rm.type}" "c${i}" {\n${common}\n${attrs(rm.attributes)}\n${rm.blocks ?? ''}}\n`, spec.beside?.(c, `${rm.type}.c${i}`) ?? '');
      const api = spec.azapi(c);
      const body = `  body = {\n${attrs(prune(api.body) ?? {}, '    ')}\n  }\n`;
      blocks.push(`resource "azapi_resource" "c${i}" {\n  type = "${api.type}"\n${common}\n${body}}\n`);
      // Top-level resources: the same combination set by an update on a bare azurerm resource.
      if (spec.common) {
        const bare = spec.azurerm(Object.fromEntries(Object.entries(c).filter(([k]) => spec.typeKeys?.includes(k))));
        blocks.push(`resource "${bare.type}" "u${i}" {\n${attrs({ name: `u${i}`, ...spec.common })}\n${attrs(bare.attributes)}\n${bare.blocks ?? ''}}\n`);
        blocks.push(`resource "azapi_update_resource" "u${i}" {\n  type        = "${api.type}"\n  resource_id = ${bare.type}.u${i}.id\n${body}}\n`);
      }
    });
    const dir = writeTree({ 'diff/main.tf': blocks.join('\n') });
    const { decision } = await check([join(dir, 'diff')], { today: TODAY });
    // Per combination: the rule ids and messages, with the resource's own address taken out.
    // Estate-wide findings (no activity-log export, Defender, Network Watcher) are reported on
    // whichever resource sorts first, so they are not about the combination.
    const seen = (prefix: string, i: number, name = `c${i}`): string[] =>
      decision.findings
        .filter((f) => f.resource.address.startsWith(prefix) && f.resource.address.endsWith(`.${name}`))
        .filter((f) => !/in the evaluated stacks|^Region \S+ has resources/.test(f.message))
        .map((f) => `${f.rule_id}: ${f.message.split(f.resource.address).join('<r>')}`)
        .sort();
    let withFindings = 0;
    combos.forEach((c, i) => {
      const azurerm = seen('azurerm_', i);
      if (azurerm.length > 0) withFindings++;
      expect({ combination: c, findings: seen('azapi_resource.', i) }).toEqual({ combination: c, findings: azurerm });
      if (spec.common) expect({ combination: c, updated: seen('azurerm_', i, `u${i}`) }).toEqual({ combination: c, updated: azurerm });
    });
    // The domains reach both verdicts, so agreement is not agreement on "nothing".
    expect(withFindings).toBeGreaterThan(0);
    expect(withFindings).toBeLessThanOrEqual(combos.length);
  });
});

describe('azapi_update_resource', () => {
  test('an update whose target is not in the input is named as not checked', async () => {
    const dir = writeTree({
      'upd/main.tf': `resource "azapi_update_resource" "tls" {
  type        = "Microsoft.Storage/storageAccounts@2023-05-01"
  resource_id = "/subscriptions/3f2a1b0c-5d6e-4f70-8a9b-0c1d2e3f4a5b/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/shop"
  body = { properties = { minimumTlsVersion = "TLS1_0" } }
}
`,
    });
    const { warnings } = await check([join(dir, 'upd')], { today: TODAY });
    expect(warnings).toContain('not checked: azapi_update_resource.tls (Microsoft.Storage/storageAccounts): the resource it updates is not in this input');
  });
});

describe('a blobServices child written with azapi_resource is read onto its storage account', () => {
  const account = `resource "azapi_resource" "sa" {
  type      = "Microsoft.Storage/storageAccounts@2023-05-01"
  name      = "stavmexports"
  parent_id = "/subscriptions/0/resourceGroups/rg"
  location  = "westeurope"
  tags      = { "data-classification" = "pii", owner = "o", environment = "prod" }
  body = {
    kind       = "StorageV2"
    sku        = { name = "Standard_GZRS" }
    properties = { minimumTlsVersion = "TLS1_2" }
  }
}
`;
  const blobService = (properties: string) => `resource "azapi_resource" "blob" {
  type      = "Microsoft.Storage/storageAccounts/blobServices@2023-05-01"
  name      = "default"
  parent_id = azapi_resource.sa.id
  body = {
    properties = ${properties}
  }
}
`;
  const recovery = async (tf: string) => {
    const dir = writeTree({ 'avm/main.tf': tf });
    const { decision } = await check([join(dir, 'avm')], { today: TODAY });
    return decision.findings.filter((f) => f.rule_id === 'azure-storage-blob-recovery').map((f) => `${f.resource.address}: ${f.message}`);
  };

  test('soft delete and versioning set on the blob service clear the account', async () => {
    expect(await recovery(account + blobService('{ isVersioningEnabled = true, deleteRetentionPolicy = { enabled = true, days = 14 } }'))).toEqual([]);
  });

  test('no blob service, or one with soft delete disabled, leaves the account unrecoverable', async () => {
    expect(await recovery(account)).toEqual([
      'azapi_resource.sa: Storage account azapi_resource.sa holds pii data but cannot recover deleted or overwritten blobs: blob soft delete off (no delete_retention_policy); versioning off',
    ]);
    expect(await recovery(account + blobService('{ isVersioningEnabled = true, deleteRetentionPolicy = { enabled = false, days = 14 } }'))).toEqual([
      'azapi_resource.sa: Storage account azapi_resource.sa holds pii data but cannot recover deleted or overwritten blobs: blob soft delete off (no delete_retention_policy)',
    ]);
    expect(await recovery(account + blobService('{ deleteRetentionPolicy = { enabled = true, days = 3 } }'))).toEqual([
      'azapi_resource.sa: Storage account azapi_resource.sa holds pii data but cannot recover deleted or overwritten blobs: deleted blobs kept 3 days (minimum 7); versioning off',
    ]);
  });
});
