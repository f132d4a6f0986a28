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

/** The resource's region scope (region_of), or null: an Azure resource without a location of its own is in none. */
function scopeRegion(r: Resource): string | null {
  if (typeof r.region === 'string') return r.region;
  const regional =
    r.cloud !== 'azure' ||
    (r.values.location !== undefined && r.values.location !== null) ||
    r.unknown.includes('location') ||
    (r.references.location?.length ?? 0) > 0;
  return regional ? UNKNOWN_REGION : null;
}

/** The scopes index (policy-input.schema.json `scopes`) of the input's resources. */
export function scopesOf(resources: Iterable<Resource>): Record<string, Scope> {
  const scopes: Record<string, Scope> = {};
  for (const r of resources) {
    if (r.mode !== 'managed' || r.action === 'delete') continue;
    const scope = (scopes[r.cloud] ??= { first: r.key, regions: {} });
    if (codePointLess(r.key, scope.first)) scope.first = r.key;
    const region = scopeRegion(r);
    if (region === null) continue;
    const first = scope.regions[region];
    if (first === undefined || codePointLess(r.key, first)) scope.regions[region] = r.key;
  }
  return scopes;
}
