// A value the configuration sets but the input cannot show (set from another resource and
// known only after apply, a variable without a value, a local value a plan alone does not
// hold) may be the very value that leaks. Generated over every rule's failing fixture: each
// attribute a rule reads, of the resource a finding names and of the resources linked to it,
// is made unknown as a plan or the HCL path leaves it (gone from values, listed unknown, and
// configured: a reference to a resource, or unlinked). The finding must stay, or a finding on
// one of the two resources must say the value cannot be verified. Never a silent pass.
// UNKNOWN_ALL=1 lists every silent case of the public plans (not a sample). Needs `npm run build:policies` first.
import fc from 'fast-check';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CANNOT_VERIFY } from '../../src/check';
import { loadConfig, policyData } from '../../src/evaluate/config';
import { policyReads } from '../../src/evaluate/manifest';
import type { CompiledPolicy } from '../../src/evaluate/policy';
import { loadPaths } from '../../src/load';
import { normalize } from '../../src/normalize';
import type { Finding } from '../../src/types/decision';
import type { PolicyInput, Resource } from '../../src/types/policy-input';
import { tempDir } from '../helpers/cli';
import { hclFixtures, type HclFixture } from './hcl/fixtures';
import { DATA, planFiles, planInput, ruleFixtures, wasm } from './helpers';

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
 * Attributes whose value decides only whether a rule applies to the resource (which account,
 * workspace or scope it belongs to), not whether what it configures passes: unknown, they are
 * reported as not checked (normalize's line naming the resource and attribute), not as a
 * blocking finding on every such resource of every module checked alone. The HCL test holds the
 * line to it; by rule, with the reason.
 */
const APPLIES_ONLY: Record<string, Record<string, string>> = {
  'azure-forensic-immutability': { storage_account_id: 'the account decides whether the container holds evidence' },
  'azure-forensic-evidence-access': { scope: 'the scope decides whether the assignment reaches an evidence store' },
  'azure-synapse-geo-backup-pii': { synapse_workspace_id: 'the workspace decides whether the pool holds personal data' },
  'aws-ssm-parameter-secure': { name: 'the name decides whether the parameter holds a secret (a blocking finding on every parameter named from a variable, such as "/${var.project}/db/host", was noise)' },
  'azure-identity-cross-environment': {
    scope: 'the scope decides which environment the assignment reaches into',
    principal_id: 'the principal decides which environment the assignment reaches from (the rule reports it where principals of another environment are known)',
  },
};

/**
 * Attributes whose control is that they are configured at all (a customer-managed key, a log
 * target): a value set from a resource counts as configured (lib is_set: the key or bucket the
 * configuration creates), and one set from what the input cannot follow is reported as not
 * checked by normalize (rules take it as set without seeing its value). By rule, with the reason.
 */
const PRESENCE: Record<string, Record<string, string>> = {
  'aws-log-group-kms': { kms_key_id: 'the control is that a customer-managed key is named' },
  'aws-s3-access-logging': { logging: 'the control is that server access logging is configured' },
  'aws-cloudfront-waf': { web_acl_id: 'the control is that a web ACL is named (CloudFront takes one only through web_acl_id)' },
};

/** Whether an unknown `path` may pass `rule` unreported by a finding (see the maps above). */
const allowed = (rule: string, path: string): boolean => Boolean(APPLIES_ONLY[rule]?.[path] || PRESENCE[rule]?.[path]);

let policy: CompiledPolicy;
beforeAll(async () => {
  policy = await wasm();
});

const said = (f: Finding): string => `${f.rule_id} ${f.resource.key} ${f.message}`;

/**
 * The finding is kept, or the unknown value is reported: a finding on one of the two resources
 * that says what cannot be verified, and that the input did not have before (another rule's
 * unrelated one proves nothing).
 */
const kept = (before: Finding[], after: Finding[], f: Finding, other: string): boolean => {
  const had = new Set(before.map(said));
  return (
    after.some((g) => g.rule_id === f.rule_id && g.resource.key === f.resource.key) ||
    after.some((g) => (g.resource.key === f.resource.key || g.resource.key === other) && CANNOT_VERIFY.test(g.message) && !had.has(said(g)))
  );
};

describe('a value the input cannot show never passes in silence (generated: every rule fixture × every attribute rules read × both ways)', () => {
  const fixtures = ruleFixtures();
  // Mutants tried, by fixture: a rule whose violation is a missing attribute has none to make unknown.
  const tried = new Map<string, number>();
  afterAll(() => {
    for (const [rule, paths] of Object.entries(PRESENCE)) for (const [path, why] of Object.entries(paths)) console.log(`${rule}: ${path} from a resource counts as configured, from what the input cannot follow is reported as not checked: ${why}`);
    for (const [rule, paths] of Object.entries(APPLIES_ONLY)) for (const [path, why] of Object.entries(paths)) console.log(`${rule}: ${path} unknown is reported as not checked, not as a finding: ${why}`);
    // The property means something: most fixtures have a value to make unknown.
    expect(fixtures.length).toBeGreaterThan(150);
    expect([...tried.values()].filter((n) => n > 0).length).toBeGreaterThan(fixtures.length / 2);
  });
  it.each(fixtures)('%s', (rule, input) => {
    const reads = policyReads(policy.manifest);
    const found = policy.evaluate(input, DATA).findings;
    const all = found.filter((f) => f.rule_id === rule);
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
            if (!kept(found, after, f, key) && !allowed(rule, path)) silent.push(`${f.resource.address}: ${r.address}.${path} unknown (${how})`);
          }
        }
      }
    }
    expect({ rule, silent }).toEqual({ rule, silent: [] });
  });
});

describe('the same over the public plans (sampled: plan × finding × linked resource × attribute rules read × way)', () => {
  const RUNS = Number(process.env.UNKNOWN_RUNS ?? 300);
  const SEED = Number(process.env.UNKNOWN_SEED ?? Math.floor(Math.random() * 2 ** 31));
  it(`keeps every finding or says what cannot be verified (seed ${SEED}, replay with UNKNOWN_SEED)`, async () => {
    const reads = policyReads(policy.manifest);
    const cases: Array<{ plan: string; input: PolicyInput; found: Finding[]; finding: Finding; key: string; path: string }> = [];
    for (const file of planFiles()) {
      const input = await planInput(file).catch(() => undefined);
      if (!input) continue;
      const found = policy.evaluate(input, DATA).findings;
      for (const f of found) {
        if (!input.resources[f.resource.key] || CANNOT_VERIFY.test(f.message)) continue;
        for (const key of linked(input, f.resource.key)) {
          const r = input.resources[key];
          for (const path of valuePaths(r.values)) if (reads(r.type, path)) cases.push({ plan: file, input, found, finding: f, key, path });
        }
      }
    }
    // The property means something: real plans give thousands of such values.
    expect(cases.length).toBeGreaterThan(1000);
    if (process.env.UNKNOWN_ALL) {
      const bad = new Map<string, string>();
      for (const c of cases) for (const how of ['reference', 'unlinked'] as const) {
        const k = `${c.finding.rule_id} ${c.input.resources[c.key].type}.${c.path} (${how})`;
        if (bad.has(k) || allowed(c.finding.rule_id, c.path)) continue;
        if (!kept(c.found, policy.evaluate(unknownAt(c.input, c.key, c.path, how), DATA).findings, c.finding, c.key)) bad.set(k, `${c.plan} ${c.finding.resource.address} / ${c.input.resources[c.key].address}`);
      }
      console.log(cases.length, [...bad].map(([k, v]) => `${k}  ${v}`).sort().join('\n'));
    }
    fc.assert(
      fc.property(fc.nat({ max: cases.length - 1 }), fc.constantFrom<How>('reference', 'unlinked'), (i, how) => {
        const { plan, input, found, finding, key, path } = cases[i];
        if (allowed(finding.rule_id, path)) return;
        const after = policy.evaluate(unknownAt(input, key, path, how), DATA).findings;
        const seen = { plan, finding: `${finding.rule_id} ${finding.resource.address}`, unknown: `${input.resources[key].address}.${path} (${how})`, kept: kept(found, after, finding, key) };
        expect(seen).toEqual({ ...seen, kept: true });
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 300_000);
});

/** Meta-arguments and what names the block's place rather than its settings. */
const META = new Set(['count', 'for_each', 'depends_on', 'provider', 'lifecycle', 'source', 'version']);

/** How much a line opens brackets (strings left out); NaN where a string or heredoc is left open. */
const depthOf = (code: string): number => {
  const bare = code.replace(/"(?:[^"\\]|\\.)*"/g, 's');
  if (bare.includes('"')) return NaN;
  let depth = 0;
  for (const ch of bare) {
    if ('[{('.includes(ch)) depth++;
    if (']})'.includes(ch)) depth--;
  }
  return depth;
};

/**
 * Each one-line argument of a resource's block (and of the blocks nested in it), as a dotted
 * path and the line that sets it: what a variable without a value can replace. A value written
 * over several lines (a map, a list, a heredoc) is stepped over.
 */
export function argumentLines(text: string, address: string): Array<{ path: string; line: number }> {
  const [type, name] = address.split('.');
  const lines = text.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^resource\\s+"${type}"\\s+"${name}"\\s*\\{\\s*$`).test(l));
  if (start < 0) return [];
  const out: Array<{ path: string; line: number }> = [];
  const blocks: string[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i].replace(/^\s*(#|\/\/).*$/, '');
    if (/^\s*\}\s*$/.test(l)) {
      if (blocks.length === 0) break;
      blocks.pop();
      continue;
    }
    const block = /^\s*([a-z_][a-z0-9_]*)\s*\{\s*$/.exec(l);
    if (block) {
      blocks.push(block[1]);
      continue;
    }
    const arg = /^\s*([a-z_][a-z0-9_]*)\s*=\s*(.+?)\s*$/.exec(l);
    if (!arg) continue;
    const heredoc = /<<-?(\w+)\s*$/.exec(arg[2]);
    if (heredoc) {
      while (i + 1 < lines.length && lines[i + 1].trim() !== heredoc[1]) i++;
      i++;
      continue;
    }
    let depth = depthOf(arg[2]);
    if (Number.isNaN(depth)) break;
    if (depth > 0) {
      while (depth > 0 && i + 1 < lines.length) depth += depthOf(lines[++i]) || 0;
      continue;
    }
    if (blocks.length === 0 && META.has(arg[1])) continue;
    if (blocks.some((b) => b === 'lifecycle' || b === 'dynamic' || b === 'content')) continue;
    out.push({ path: [...blocks, arg[1]].join('.'), line: i });
  }
  return out;
}

/** The fixture's folder with one argument set from a variable that has no value. */
function withUnsetVariable(f: HclFixture, line: number, dir: string): string {
  cpSync(f.dir, dir, { recursive: true });
  const lines = f.text.split('\n');
  lines[line] = lines[line].replace(/=\s*.+$/, '= var.leakguard_unset');
  writeFileSync(join(dir, 'main.tf'), lines.join('\n'));
  writeFileSync(join(dir, 'unset.tf'), 'variable "leakguard_unset" {}\n');
  return dir;
}

describe('plain HCL: an argument set from a variable without a value never passes in silence (generated: every rule fixture × every one-line argument rules read)', () => {
  const fixtures = hclFixtures().filter((f) => !/^(region|estate):/.test(f.expected));
  const root = tempDir('leakguard-unset-');
  let mutants = 0;
  afterAll(() => {
    expect(mutants).toBeGreaterThan(fixtures.length);
  });
  it.each(fixtures.map((f) => [f.ruleId, f] as const))('%s', async (rule, f) => {
    const reads = policyReads(policy.manifest);
    const data = policyData(loadConfig(f.configPath), f.configPath, '2026-11-28');
    const type = f.expected.split('.')[0];
    const found = policy.evaluate(normalize(await loadPaths([f.dir])), data).findings;
    // By address: the mutated folder is another stack.
    const saidAt = (g: Finding): string => `${g.rule_id} ${g.resource.address} ${g.message}`;
    const had = new Set(found.map(saidAt));
    const silent: string[] = [];
    for (const { path, line } of argumentLines(f.text, f.expected)) {
      if (!reads(type, path)) continue;
      mutants++;
      const dir = withUnsetVariable(f, line, join(root, `${rule}-${line}`));
      const notChecked: string[] = [];
      const input = normalize(await loadPaths([dir]), { notChecked, reads });
      const key = Object.values(input.resources).find((r) => r.address === f.expected)?.key;
      const findings = policy.evaluate(input, data).findings;
      const ok =
        findings.some((g) => g.rule_id === rule && g.resource.address === f.expected) ||
        findings.some((g) => (g.resource.key === key || g.resource.address === f.expected) && CANNOT_VERIFY.test(g.message) && !had.has(saidAt(g)));
      const listed = notChecked.some((l) => l.startsWith(`${f.expected} `) && l.split(' (')[0].split(/, | /).includes(path));
      if (!ok && !((APPLIES_ONLY[rule]?.[path] || PRESENCE[rule]?.[path]) && listed)) silent.push(`${f.expected}.${path} = var.leakguard_unset (line ${line + 1})`);
    }
    expect({ rule, silent }).toEqual({ rule, silent: [] });
  });
});

// What can never be the internet is not reported as unverifiable: a security group open to the
// range a VPC module gives (terraform-aws-modules/vpc's vpc_cidr_block, *_subnets_cidr_blocks),
// the commonest idiom of that module, even where the module is not followed. Any other output
// of it may be anything, and is reported.
describe('a module output that names a VPC or subnet range is not the internet; any other is not verifiable', () => {
  const folder = (cidr: string): string => {
    const dir = tempDir('leakguard-vpc-range-');
    writeFileSync(
      join(dir, 'main.tf'),
      [
        'provider "aws" {\n  region = "us-west-2"\n}\n',
        'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n}\n',
        `resource "aws_security_group" "db" {\n  name = "db"\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ${cidr}\n  }\n}\n`,
      ].join('\n'),
    );
    return dir;
  };
  const ingress = async (cidr: string): Promise<string[]> =>
    policy
      .evaluate(normalize(await loadPaths([folder(cidr)])), DATA)
      .findings.filter((f) => f.rule_id === 'aws-sg-internet-ingress')
      .map((f) => f.message);
  it.each(['[module.vpc.vpc_cidr_block]', 'module.vpc.private_subnets_cidr_blocks', 'module.vpc.vpc_secondary_cidr_blocks', 'module.vpc.database_subnets_ipv6_cidr_blocks'])('%s: no finding', async (cidr) => {
    expect(await ingress(cidr)).toEqual([]);
  });
  it.each(['module.vpc.allowed_cidrs', '[module.vpc.nat_public_ips[0]]', 'module.vpc.vpc_cidr_blocks_for_partners'])('%s: cannot be verified', async (cidr) => {
    expect(await ingress(cidr)).toEqual([expect.stringMatching(/ingress CIDR blocks unknown at plan time \(ports 22-22\); that it is closed to the internet cannot be verified/)]);
  });
});
