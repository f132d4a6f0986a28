import type { Resource, Scope } from '../types/policy-input';

// Estate- and region-level findings ("no GuardDuty in us-east-1", "no CloudTrail") are
// located at the first live resource of their scope. The policy found those by scanning
// every resource in each evaluation, again in each shard of the rules: ~45 ms and 30 MB of
// WASM memory per evaluation at 20k resources. Here it is one pass. policies/testutil keeps
// the Rego definition (scopes_of), and test/normalize/indexes.test.ts holds the two equal on
// generated resources.

/** What lib/resources.rego calls a resource without a resolvable region (region_of). */
export const UNKNOWN_REGION = '(region unknown)';

/** Code-point order, as OPA compares strings (UTF-16 units differ past U+FFFF). */
export function codePointLess(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate is half of a code point past U+FFFF: above every unit that is not one,
    // U+E000–U+FFFF included.
    const sx = x >= 0xd800 && x <= 0xdfff;
    const sy = y >= 0xd800 && y <= 0xdfff;
    return sx === sy ? x < y : sy;
  }
  return a.length < b.length;
}

/** lib/resources.rego unknown_region_of_provider: the unknown scope of an aliased AWS provider. */
export const unknownRegionOfProvider = (key: string): string => `(region unknown: provider ${key})`;

/** The resource's region scope (region_of), or null: an Azure resource without a location of its own is in none. */
function scopeRegion(r: Resource): string | null {
  if (typeof r.region === 'string') return r.region;
  // An aliased AWS provider's unresolved region is its own scope, not the default provider's.
  if (r.cloud === 'aws' && r.provider !== 'aws') return unknownRegionOfProvider(r.provider);
  const regional =
    r.cloud !== 'azure' ||
    (r.values.location !== undefined && r.values.location !== null) ||
    r.unknown.includes('location') ||
    (r.references.location?.length ?? 0) > 0;
  return regional ? UNKNOWN_REGION : null;
}

/** Where each type keeps copies of its data in other regions than its own: [block, the
 * block's region attribute] (a DynamoDB table's replicas, a secret's, ECR's replication rules'
 * destinations). The region scopes hold them: a replica in us-west-2 is customer data in
 * us-west-2, which needs its detector and recorder there (found by an audit of public code). */
const COPY_REGIONS: Record<string, { path: string[]; attribute: string }> = {
  aws_dynamodb_table: { path: ['replica'], attribute: 'region_name' },
  aws_dynamodb_global_table: { path: ['replica'], attribute: 'region_name' },
  aws_secretsmanager_secret: { path: ['replica'], attribute: 'region' },
  aws_ecr_replication_configuration: { path: ['replication_configuration', 'rule', 'destination'], attribute: 'region' },
};

const NONE: string[] = [];

/** The regions a resource's copies are in (COPY_REGIONS); UNKNOWN_REGION for one whose
 * region only apply knows, or whose list of copies is set from what only apply knows (a list
 * unknown and set from nothing is the provider's to compute: a secret without replicas shows
 * `replica` unknown in every plan). Policies/testutil copy_regions is the definition. */
export function copyRegions(r: Pick<Resource, 'type' | 'values' | 'unknown' | 'references'>): string[] {
  const where = COPY_REGIONS[r.type];
  if (where === undefined) return NONE;
  const out: string[] = [];
  let blocks: unknown[] = [r.values];
  for (const step of where.path) {
    blocks = blocks.flatMap((b) => (b !== null && typeof b === 'object' && Array.isArray((b as Record<string, unknown>)[step]) ? ((b as Record<string, unknown>)[step] as unknown[]) : []));
  }
  for (const b of blocks) {
    const region = b !== null && typeof b === 'object' ? (b as Record<string, unknown>)[where.attribute] : undefined;
    if (typeof region === 'string' && region !== '') out.push(region);
  }
  const region = `${where.path.join('.')}.${where.attribute}`;
  const lists = new Set(where.path.map((_, i) => where.path.slice(0, i + 1).join('.')));
  const configured = (p: string): boolean => Object.keys(r.references ?? {}).some((k) => k === p || k.startsWith(`${p}.`));
  if (r.unknown.some((p) => p === region || (lists.has(p) && configured(p)))) out.push(UNKNOWN_REGION);
  return out;
}

/** The scopes index (policy-input.schema.json `scopes`) of the input's resources. */
export function scopesOf(resources: Iterable<Resource>): Record<string, Scope> {
  const scopes: Record<string, Scope> = {};
  for (const r of resources) {
    if (r.mode !== 'managed' || r.action === 'delete') continue;
    const scope = (scopes[r.cloud] ??= { first: r.key, regions: {} });
    if (codePointLess(r.key, scope.first)) scope.first = r.key;
    const region = scopeRegion(r);
    if (region !== null) firstIn(scope, region, r.key);
    for (const copy of COPY_REGIONS[r.type] ? copyRegions(r) : []) firstIn(scope, copy, r.key);
  }
  return scopes;
}

function firstIn(scope: Scope, region: string, key: string): void {
  const first = scope.regions[region];
  if (first === undefined || codePointLess(key, first)) scope.regions[region] = key;
}
