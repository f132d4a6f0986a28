// A value the configuration sets but the input cannot show (set from another resource and
// known only after apply, a variable without a value, a local value a plan alone does not
// hold) may be the very value that leaks. Generated over every rule's failing fixture: each
// attribute a rule reads, of the resource a finding names and of the resources linked to it,
// is made unknown as a plan or the HCL path leaves it (gone from values, listed unknown, and
// configured: a reference to a resource, or unlinked). The finding must stay, or a finding on
// one of the two resources must say the value cannot be verified. Never a silent pass.
// Needs `npm run build:policies` first.
import { CANNOT_VERIFY } from '../../src/check';
import { policyReads } from '../../src/evaluate/manifest';
import type { CompiledPolicy } from '../../src/evaluate/policy';
import type { Finding } from '../../src/types/decision';
import type { PolicyInput, Resource } from '../../src/types/policy-input';
import { DATA, ruleFixtures, wasm } from './helpers';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every dotted path in a resource's values (through lists of blocks), parents before children. */
export function valuePaths(v: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(v)) {
    for (const e of v) valuePaths(e, prefix, out);
    return out;
  }
  if (!isObj(v)) return out;
  for (const [k, x] of Object.entries(v)) {
    if (x === null) continue;
    const p = prefix ? `${prefix}.${k}` : k;
    out.add(p);
    valuePaths(x, p, out);
  }
  return out;
}

/** The values without `path` (in every block of a list on the way). */
function without(v: unknown, segs: string[]): void {
  if (Array.isArray(v)) return v.forEach((e) => without(e, segs));
  if (!isObj(v)) return;
  if (segs.length === 1) delete v[segs[0]];
  else without(v[segs[0]], segs.slice(1));
}

/** How a configured value is unknown: set from a resource (a plan), or from what the input cannot follow (HCL's variable without a value, a plan's local). */
export type How = 'reference' | 'unlinked';

/** The scalar values at a dotted path (through lists of blocks). */
function valuesAt(v: unknown, segs: string[]): unknown[] {
  if (Array.isArray(v)) return v.flatMap((e) => valuesAt(e, segs));
  if (segs.length === 0) return v === null || v === undefined ? [] : [v];
  return isObj(v) ? valuesAt(v[segs[0]], segs.slice(1)) : [];
}

const strings = (vs: unknown[]): string[] => vs.flatMap((v) => (typeof v === 'string' && v !== '' ? [v] : Array.isArray(v) ? strings(v) : []));

function markUnknown(r: Resource, path: string): void {
  without(r.values, path.split('.'));
  r.unknown = [...new Set([...r.unknown, path])].sort();
}

/**
 * The input with `path` of resource `key` unknown, configured the `how` way. What other
 * resources copied from it by reference (a role's name in its attachments, a bucket's id in its
 * guards) is unknown with it, as Terraform plans it: the attributes that refer to the resource
 * and hold (or embed) the value it had.
 */
export function unknownAt(input: PolicyInput, key: string, path: string, how: How): PolicyInput {
  const out = structuredClone(input);
  const r = out.resources[key] as Resource;
  const was = strings(valuesAt(r.values, path.split('.')));
  markUnknown(r, path);
  if (how === 'reference') r.references = { ...r.references, [path]: [`${r.stack}/terraform_data.elsewhere`] };
  else r.unlinked = [...new Set([...(r.unlinked ?? []), path])].sort();
  for (const c of Object.values(out.resources)) {
    if (c.key === key) continue;
    for (const [attr, targets] of Object.entries(c.references)) {
      if (!targets.includes(key)) continue;
      if (strings(valuesAt(c.values, attr.split('.'))).some((v) => was.some((w) => v.includes(w)))) markUnknown(c, attr);
    }
  }
  return out;
}

/** The resources a finding's resource refers to, and those that refer to it. */
function linked(input: PolicyInput, key: string): string[] {
  const a = input.resources[key];
  const out = new Set<string>([key]);
  for (const ks of Object.values(a.references)) for (const k of ks) if (input.resources[k]) out.add(k);
  for (const r of Object.values(input.resources)) if (Object.values(r.references).some((ks) => ks.includes(key))) out.add(r.key);
  return [...out].filter((k) => input.resources[k].mode === 'managed').sort();
}

/**
 * Attributes a rule may not read as unverifiable when unknown, by rule, each with its reason
 * (printed). Only a value whose every possibility passes the rule belongs here.
 */
const EXCUSED: Record<string, Record<string, string>> = {};

let policy: CompiledPolicy;
beforeAll(async () => {
  policy = await wasm();
});

const kept = (after: Finding[], f: Finding, other: string): boolean =>
  after.some((g) => g.rule_id === f.rule_id && g.resource.key === f.resource.key) ||
  after.some((g) => (g.resource.key === f.resource.key || g.resource.key === other) && CANNOT_VERIFY.test(g.message));

describe('a value the input cannot show never passes in silence (generated: every rule fixture × every attribute rules read × both ways)', () => {
  const fixtures = ruleFixtures();
  // Mutants tried, by fixture: a rule whose violation is a missing attribute has none to make unknown.
  const tried = new Map<string, number>();
  afterAll(() => {
    for (const [rule, paths] of Object.entries(EXCUSED)) for (const [path, why] of Object.entries(paths)) console.log(`${rule}: ${path} unknown is not reported: ${why}`);
    // The property means something: most fixtures have a value to make unknown.
    expect(fixtures.length).toBeGreaterThan(150);
    expect([...tried.values()].filter((n) => n > 0).length).toBeGreaterThan(fixtures.length / 2);
  });
  it.each(fixtures)('%s', (rule, input) => {
    const reads = policyReads(policy.manifest);
    const all = policy.evaluate(input, DATA).findings.filter((f) => f.rule_id === rule);
    expect(all.length).toBeGreaterThan(0);
    // A finding on a region or the estate names no resource whose values could be unknown.
    const before = all.filter((f) => input.resources[f.resource.key]);
    const silent: string[] = [];
    tried.set(rule, 0);
    for (const f of before) {
      for (const key of linked(input, f.resource.key)) {
        const r = input.resources[key];
        for (const path of valuePaths(r.values)) {
          if (!reads(r.type, path)) continue;
          for (const how of ['reference', 'unlinked'] as const) {
            tried.set(rule, tried.get(rule)! + 1);
            const after = policy.evaluate(unknownAt(input, key, path, how), DATA).findings;
            if (!kept(after, f, key) && !EXCUSED[rule]?.[path]) silent.push(`${f.resource.address}: ${r.address}.${path} unknown (${how})`);
          }
        }
      }
    }
    expect({ rule, silent }).toEqual({ rule, silent: [] });
  });
});
