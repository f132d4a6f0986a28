// AzAPI → azurerm. Microsoft's Verified Modules declare resources with `azapi_resource`
// (`type = "Microsoft.Storage/storageAccounts@2023-05-01"`, `body = { properties = … }`).
// One table maps the ARM properties of the common data stores onto the azurerm attributes the
// rules read, applied once here, so every azurerm rule judges the AzAPI resource too and no
// rule is written twice. The mapped resource keeps its own address and origin.
import type { Json } from '../load/types';
import type { PolicyInput } from '../types/policy-input';
import { isJson, type Draft } from './draft';

/** ARM property value → azurerm attribute value. */
type Convert = (v: unknown) => unknown;

const enabled: Convert = (v) => (v === 'Enabled' ? true : v === 'Disabled' ? false : v);
const publicAccess: Convert = (v) => (v === 'None' ? 'private' : typeof v === 'string' ? v.toLowerCase() : v);
const ipRules: Convert = (v) => (Array.isArray(v) ? v.map((r) => (isJson(r) ? r.ipAddressOrRange : r)) : v);
const subnetRules: Convert = (v) => (Array.isArray(v) ? v.map((r) => (isJson(r) ? { id: r.id } : r)) : v);
const negated: Convert = (v) => (typeof v === 'boolean' ? !v : v);
/** ARM's { enabled, days } retention policy → azurerm's retention block (none when disabled). */
const retentionPolicy: Convert = (v) => {
  if (!isJson(v)) return v;
  if (v.enabled === false) return [];
  return [v.days === undefined ? {} : { days: v.days }];
};
/** ARM's keyVaultProperties list → the first key's URL (`<vault uri>keys/<name>`), or nothing for an empty list. */
const firstKey: Convert = (v) => {
  if (!Array.isArray(v)) return v;
  const k: unknown = v[0];
  if (!isJson(k)) return k;
  return typeof k.keyVaultUri === 'string' && typeof k.keyName === 'string' ? `${k.keyVaultUri.replace(/\/?$/, '/')}keys/${k.keyName}` : (k.keyName ?? k.keyVaultUri);
};

interface Mapping {
  /** The azurerm resource type whose rules apply. */
  readonly azurerm: string;
  /** ARM path under `body` → azurerm attribute path (dotted; a block is a one-element list). */
  readonly properties: ReadonlyArray<readonly [string, string, Convert?]>;
  /** The azurerm attribute naming the parent (`parent_id` of a child resource). */
  readonly parent?: string;
  /** A child ARM resource whose settings azurerm keeps inline on the parent (`azurerm` is the
   * parent's type): its mapped properties are written onto the parent its parent_id names, as an
   * azapi_update_resource's are, and it stays an azapi_resource itself. */
  readonly ontoParent?: true;
}

const firewallRule = (azurerm: string, parent: string): Mapping => ({
  azurerm,
  parent,
  properties: [
    ['properties.startIpAddress', 'start_ip_address'],
    ['properties.endIpAddress', 'end_ip_address'],
  ],
});

const flexibleServer = (azurerm: string, publicAttr: string, convert?: Convert): Mapping => ({
  azurerm,
  properties: [
    ['properties.network.publicNetworkAccess', publicAttr, convert],
    ['properties.network.delegatedSubnetResourceId', 'delegated_subnet_id'],
    ['properties.dataEncryption.primaryKeyURI', 'customer_managed_key.key_vault_key_id'],
    ['properties.backup.backupRetentionDays', 'backup_retention_days'],
    ['properties.backup.geoRedundantBackup', 'geo_redundant_backup_enabled', enabled],
  ],
});

/**
 * Event Hubs and Service Bus namespaces: ARM's disableLocalAuth is azurerm's local-auth flag
 * negated; its encryption key is Service Bus's customer_managed_key block (Event Hubs takes it
 * from a separate azurerm resource, and the rule reads the block for both).
 */
const messagingNamespace = (azurerm: string, localAuth: string): Mapping => ({
  azurerm,
  properties: [
    ['properties.publicNetworkAccess', 'public_network_access_enabled', enabled],
    ['properties.minimumTlsVersion', 'minimum_tls_version'],
    ['properties.disableLocalAuth', localAuth, negated],
    ['properties.encryption.keyVaultProperties', 'customer_managed_key.key_vault_key_id', firstKey],
  ],
});

/** ARM resource type (case-insensitive, without the API version) → its azurerm equivalent. */
export const AZAPI_MAPPINGS: Record<string, Mapping> = {
  'microsoft.storage/storageaccounts': {
    azurerm: 'azurerm_storage_account',
    properties: [
      ['properties.allowBlobPublicAccess', 'allow_nested_items_to_be_public'],
      ['properties.minimumTlsVersion', 'min_tls_version'],
      ['properties.supportsHttpsTrafficOnly', 'https_traffic_only_enabled'],
      ['properties.publicNetworkAccess', 'public_network_access_enabled', enabled],
      ['properties.networkAcls.defaultAction', 'network_rules.default_action'],
      ['properties.allowSharedKeyAccess', 'shared_access_key_enabled'],
      ['properties.encryption.requireInfrastructureEncryption', 'infrastructure_encryption_enabled'],
      ['properties.encryption.keyvaultproperties.keyname', 'customer_managed_key.key_vault_key_id'],
    ],
  },
  'microsoft.storage/storageaccounts/blobservices': {
    azurerm: 'azurerm_storage_account',
    ontoParent: true,
    properties: [
      ['properties.deleteRetentionPolicy', 'blob_properties.delete_retention_policy', retentionPolicy],
      ['properties.isVersioningEnabled', 'blob_properties.versioning_enabled'],
      ['properties.containerDeleteRetentionPolicy', 'blob_properties.container_delete_retention_policy', retentionPolicy],
    ],
  },
  'microsoft.storage/storageaccounts/blobservices/containers': {
    azurerm: 'azurerm_storage_container',
    parent: 'storage_account_id',
    properties: [['properties.publicAccess', 'container_access_type', publicAccess]],
  },
  'microsoft.keyvault/vaults': {
    azurerm: 'azurerm_key_vault',
    properties: [
      ['properties.enablePurgeProtection', 'purge_protection_enabled'],
      ['properties.softDeleteRetentionInDays', 'soft_delete_retention_days'],
      ['properties.publicNetworkAccess', 'public_network_access_enabled', enabled],
      ['properties.networkAcls.defaultAction', 'network_acls.default_action'],
    ],
  },
  'microsoft.sql/servers': {
    azurerm: 'azurerm_mssql_server',
    properties: [
      ['properties.publicNetworkAccess', 'public_network_access_enabled', enabled],
      ['properties.minimalTlsVersion', 'minimum_tls_version'],
    ],
  },
  'microsoft.sql/servers/firewallrules': firewallRule('azurerm_mssql_firewall_rule', 'server_id'),
  'microsoft.dbforpostgresql/flexibleservers': flexibleServer('azurerm_postgresql_flexible_server', 'public_network_access_enabled', enabled),
  'microsoft.dbforpostgresql/flexibleservers/firewallrules': firewallRule('azurerm_postgresql_flexible_server_firewall_rule', 'server_id'),
  'microsoft.dbforpostgresql/flexibleservers/configurations': {
    azurerm: 'azurerm_postgresql_flexible_server_configuration',
    parent: 'server_id',
    properties: [['properties.value', 'value']],
  },
  'microsoft.dbformysql/flexibleservers': flexibleServer('azurerm_mysql_flexible_server', 'public_network_access'),
  'microsoft.dbformysql/flexibleservers/firewallrules': firewallRule('azurerm_mysql_flexible_server_firewall_rule', 'server_id'),
  'microsoft.dbformysql/flexibleservers/configurations': {
    azurerm: 'azurerm_mysql_flexible_server_configuration',
    parent: 'server_id',
    properties: [['properties.value', 'value']],
  },
  'microsoft.documentdb/databaseaccounts': {
    azurerm: 'azurerm_cosmosdb_account',
    properties: [
      ['properties.publicNetworkAccess', 'public_network_access_enabled', enabled],
      ['properties.ipRules', 'ip_range_filter', ipRules],
      ['properties.isVirtualNetworkFilterEnabled', 'is_virtual_network_filter_enabled'],
      ['properties.virtualNetworkRules', 'virtual_network_rule', subnetRules],
      ['properties.disableLocalAuth', 'local_authentication_disabled'],
      ['properties.keyVaultKeyUri', 'key_vault_key_id'],
      ['properties.minimalTlsVersion', 'minimal_tls_version'],
      ['properties.backupPolicy.type', 'backup.type'],
      ['properties.backupPolicy.periodicModeProperties.backupRetentionIntervalInHours', 'backup.retention_in_hours'],
      ['properties.backupPolicy.continuousModeProperties.tier', 'backup.tier'],
    ],
  },
  'microsoft.eventhub/namespaces': messagingNamespace('azurerm_eventhub_namespace', 'local_authentication_enabled'),
  'microsoft.servicebus/namespaces': messagingNamespace('azurerm_servicebus_namespace', 'local_auth_enabled'),
  'microsoft.cache/redis': {
    azurerm: 'azurerm_redis_cache',
    properties: [
      ['properties.enableNonSslPort', 'non_ssl_port_enabled'],
      ['properties.minimumTlsVersion', 'minimum_tls_version'],
      ['properties.publicNetworkAccess', 'public_network_access_enabled', enabled],
      ['properties.subnetId', 'subnet_id'],
    ],
  },
};

export const AZAPI_TYPES = new Set(['azapi_resource']);

/** `Microsoft.Storage/storageAccounts@2023-05-01` → its mapping, if the table has one. */
export function mappingOf(armType: unknown): Mapping | undefined {
  if (typeof armType !== 'string') return undefined;
  return AZAPI_MAPPINGS[armType.split('@')[0].toLowerCase()];
}

function get(v: unknown, path: string): unknown {
  let cur = v;
  for (const k of path.split('.')) {
    if (!isJson(cur) || !(k in cur)) return undefined;
    cur = cur[k];
  }
  return cur;
}

/** Sets a dotted azurerm path, making each intermediate block a one-element list (as HCL and plans do). */
function set(into: Json, path: string, value: unknown): void {
  const keys = path.split('.');
  let cur = into;
  for (const k of keys.slice(0, -1)) {
    const list = Array.isArray(cur[k]) ? (cur[k] as Json[]) : (cur[k] = [{}] as Json[]);
    cur = list[0];
  }
  cur[keys[keys.length - 1]] = value as Json[string];
}

/** The body as an object: HCL/azapi v2 objects as they are, JSON strings (azapi v1, jsonencode evaluated) parsed. */
function bodyOf(body: unknown): Json | undefined {
  if (isJson(body)) return body;
  if (typeof body !== 'string' || body.includes('${')) return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    return isJson(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Unknown body paths (plans: `body.properties.x`) are unknown azurerm attributes. */
function unknownUnder(unknown: string[], armPath: string): boolean {
  const full = `body.${armPath}`;
  return unknown.some((u) => u === 'body' || full === u || full.startsWith(`${u}.`));
}

/** The mapped azurerm attributes a body sets: values, unknown paths and references. */
function mappedProperties(d: Draft, mapping: Mapping): Pick<Draft, 'values' | 'unknown' | 'references'> {
  const body = bodyOf(d.values.body);
  const values: Json = {};
  const unknown: string[] = [];
  const references: Record<string, string[]> = {};
  for (const [armPath, attr, convert] of mapping.properties) {
    if (!body || unknownUnder(d.unknown, armPath)) {
      unknown.push(attr);
      continue;
    }
    const raw = get(body, armPath);
    if (raw !== undefined) set(values, attr, convert ? convert(raw) : raw);
    const refs = Object.entries(d.references).filter(([p]) => p === `body.${armPath}` || p.startsWith(`body.${armPath}.`)).flatMap(([, t]) => t);
    if (refs.length > 0) references[attr] = [...new Set(refs)];
  }
  return { values, unknown, references };
}

/**
 * An azapi_resource of a mapped ARM type becomes a draft of the azurerm type: the mapped
 * properties, name, location, tags and the parent link. A body the tool cannot read (an
 * unevaluated expression, unknown at plan time) leaves every mapped attribute unknown, so the
 * rules say "cannot be verified" instead of passing. Other drafts pass through unchanged.
 */
export function fromAzapi(d: Draft): Draft {
  if (!AZAPI_TYPES.has(d.type)) return d;
  const mapping = mappingOf(d.values.type);
  if (!mapping || mapping.ontoParent) return d;
  const mapped = mappedProperties(d, mapping);
  const values: Json = {};
  const unknown: string[] = [];
  const references: Record<string, string[]> = {};
  for (const key of ['name', 'location', 'tags']) if (d.values[key] !== undefined) values[key] = d.values[key];
  for (const key of ['name', 'location', 'tags']) if (d.unknown.includes(key)) unknown.push(key);
  if (mapping.parent) {
    if (d.values.parent_id !== undefined) values[mapping.parent] = d.values.parent_id;
    if (d.references.parent_id) references[mapping.parent] = d.references.parent_id;
    if (d.unknown.includes('parent_id')) unknown.push(mapping.parent);
  }
  return { ...d, type: mapping.azurerm, values: { ...values, ...mapped.values }, unknown: [...unknown, ...mapped.unknown], references: { ...references, ...mapped.references } };
}

export const AZAPI_UPDATE = 'azapi_update_resource';

/** Writes patch's attributes over values (blocks merged, as a one-element list or a CDKTF object). */
function merge(values: Json, patch: Json): Json {
  const out: Json = { ...values };
  for (const [k, v] of Object.entries(patch)) {
    const cur = out[k];
    const block = Array.isArray(v) && v.length === 1 && isJson(v[0]) ? v[0] : undefined;
    if (block && Array.isArray(cur) && isJson(cur[0])) out[k] = [merge(cur[0], block), ...cur.slice(1)];
    else if (block && isJson(cur)) out[k] = merge(cur, block);
    else out[k] = v as Json[string];
  }
  return out;
}

/** The draft an azapi_update_resource patches: the one its resource_id refers to (a child written onto its parent: parent_id), when it is of the mapped type. */
function targetOf(u: Draft, mapping: Mapping, byAddress: Map<string, Draft>): Draft | undefined {
  for (const address of (mapping.ontoParent ? u.references.parent_id : u.references.resource_id) ?? []) {
    const t = byAddress.get(address);
    if (t?.type === mapping.azurerm) return t;
  }
  return undefined;
}

/**
 * azapi_update_resource patches a resource after it is created (how Verified Modules set
 * properties azapi_resource cannot). The mapped properties its body sets, or leaves unknown,
 * are written over the resource its resource_id refers to, as at apply, so the rules judge
 * that resource as it ends up. An update whose target is not in the input stays as it is;
 * check() names it as not checked. A child azapi_resource whose settings azurerm keeps inline
 * (a storage account's blobServices: soft delete, versioning) is written onto its parent the
 * same way.
 */
export function applyAzapiUpdates(drafts: Draft[]): Draft[] {
  // Built at the first update: most sources hold no AzAPI resource at all.
  let byAddress: Map<string, Draft> | undefined;
  const patched = new Map<string, Draft>();
  for (const u of drafts) {
    if (u.type !== AZAPI_UPDATE && !AZAPI_TYPES.has(u.type)) continue;
    const mapping = mappingOf(u.values.type);
    if (u.type !== AZAPI_UPDATE && !(AZAPI_TYPES.has(u.type) && mapping?.ontoParent)) continue;
    byAddress ??= new Map(drafts.map((d) => [d.address, d]));
    const target = mapping && targetOf(u, mapping, byAddress);
    if (!mapping || !target) continue;
    const current = patched.get(target.address) ?? target;
    const p = mappedProperties(u, mapping);
    const written = new Set(Object.keys(p.values));
    patched.set(target.address, {
      ...current,
      values: merge(current.values, p.values),
      // What the update writes is known now, what it leaves unknown is unknown.
      unknown: [...current.unknown.filter((x) => !written.has(x.split('.')[0])), ...p.unknown],
      references: { ...current.references, ...p.references },
    });
  }
  return patched.size === 0 ? drafts.slice() : drafts.map((d) => patched.get(d.address) ?? d);
}

/** azapi_update_resource blocks of a mapped type whose target is not in the input (no rule judged what they set). */
export function unappliedUpdates(input: PolicyInput): string[] {
  // From the type index, not every resource: this runs before the evaluation starts (~25 ms at 50k resources).
  const keys = [...(input.by_mode.managed[AZAPI_UPDATE] ?? []), ...(input.by_mode.data[AZAPI_UPDATE] ?? [])];
  return keys
    .map((k) => input.resources[k])
    .flatMap((u) => {
      const mapping = mappingOf(u.values.type);
      const applied = (u.references.resource_id ?? []).some((k) => input.resources[k]?.type === mapping?.azurerm);
      return mapping && !applied ? [`${u.address} (${String(u.values.type).split('@')[0]}): the resource it updates is not in this input`] : [];
    });
}
